package org.receivables.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.receivables.kit.testing.ErasureEvents;
import org.receivables.kit.testing.TestTokens;
import org.receivables.scoring.ledger.CustomerRepository;

/** Scoring's replica obeys invoicing's erasure of a customer's personal data. */
@QuarkusTest
class PersonalDataErasureTest {

  @Inject CustomerRepository ledger;

  private final String tenant = TestTokens.freshTenant();

  @Test
  void theErasureEventRemovesTheNameAndKeepsTheCustomer() throws Exception {
    String customer = UUID.randomUUID().toString();
    String other = UUID.randomUUID().toString();
    ErasureEvents.registerSoleTraders(tenant, customer, other);
    awaitCustomer(customer, c -> ErasureEvents.NAME.equals(c.name()));
    awaitCustomer(other, c -> ErasureEvents.NAME.equals(c.name()));

    ErasureEvents.eraseTwice(tenant, customer);

    CustomerRepository.Customer after = awaitCustomer(customer, c -> c.name() == null);
    assertThat(after.registered()).isTrue();
    assertThat(after.segment()).isEqualTo(ErasureEvents.SEGMENT);
    assertThat(after.currency()).isEqualTo("EUR");
    // only that customer
    assertThat(read(other).orElseThrow().name()).isEqualTo(ErasureEvents.NAME);
  }

  private Optional<CustomerRepository.Customer> read(String customer) {
    return QuarkusTransaction.requiringNew().call(() -> ledger.customer(tenant, customer));
  }

  private CustomerRepository.Customer awaitCustomer(
      String customer, Predicate<CustomerRepository.Customer> ready) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> read(customer), c -> c.isPresent() && ready.test(c.get()))
        .orElseThrow();
  }
}
