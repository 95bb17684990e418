package org.receivables.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.receivables.events.CustomerPersonalDataErased;
import org.receivables.events.CustomerRegistered;
import org.receivables.events.PaymentTermsData;
import org.receivables.events.Topics;
import org.receivables.kit.testing.KafkaWriter;
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
    for (String id : new String[] {customer, other}) {
      KafkaWriter.publish(
          Topics.INVOICING,
          UUID.randomUUID().toString(),
          new CustomerRegistered(
              tenant,
              id,
              "C-" + id,
              "Jean Dupont EI",
              "FR",
              "EUR",
              "fr",
              "jean@dupont.example",
              "+33612345678",
              "retail",
              new PaymentTermsData(30, "NONE")));
    }
    awaitCustomer(customer, c -> "Jean Dupont EI".equals(c.name()));
    awaitCustomer(other, c -> "Jean Dupont EI".equals(c.name()));

    String eventId = UUID.randomUUID().toString();
    var erased =
        new CustomerPersonalDataErased(
            tenant, customer, CustomerPersonalDataErased.REQUEST, Instant.now());
    KafkaWriter.publish(Topics.INVOICING, eventId, erased);
    KafkaWriter.publish(Topics.INVOICING, eventId, erased); // a redelivery is harmless

    CustomerRepository.Customer after = awaitCustomer(customer, c -> c.name() == null);
    assertThat(after.registered()).isTrue();
    assertThat(after.segment()).isEqualTo("retail");
    assertThat(after.currency()).isEqualTo("EUR");
    // only that customer
    assertThat(read(other).orElseThrow().name()).isEqualTo("Jean Dupont EI");
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
