package org.receivables.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.receivables.kit.testing.ErasureEvents;
import org.receivables.kit.testing.TestTokens;

/** The KPI projection obeys invoicing's erasure of a customer's personal data. */
@QuarkusTest
class PersonalDataErasureTest {

  @Inject EntityManager em;

  private final String tenant = TestTokens.freshTenant();

  @Test
  void theErasureEventRemovesTheNameAndKeepsTheCustomersFacts() throws Exception {
    String customer = UUID.randomUUID().toString();
    String other = UUID.randomUUID().toString();
    ErasureEvents.registerSoleTraders(tenant, customer, other);
    awaitRow(customer, r -> ErasureEvents.NAME.equals(r[0]));
    awaitRow(other, r -> ErasureEvents.NAME.equals(r[0]));

    ErasureEvents.eraseTwice(tenant, customer);

    Object[] after = awaitRow(customer, r -> r[0] == null);
    assertThat(after[1]).isEqualTo("C-" + customer);
    assertThat(after[2]).isEqualTo(ErasureEvents.SEGMENT);
    assertThat(row(other)[0]).isEqualTo(ErasureEvents.NAME);
  }

  @SuppressWarnings("unchecked")
  private Object[] row(String customer) {
    List<Object[]> rows =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    em.createNativeQuery(
                            "select name, external_ref, segment from kpi_customer where tenant_id"
                                + " = :t and customer_id = :c")
                        .setParameter("t", tenant)
                        .setParameter("c", UUID.fromString(customer))
                        .getResultList());
    return rows.isEmpty() ? null : rows.get(0);
  }

  private Object[] awaitRow(String customer, Predicate<Object[]> ready) throws Exception {
    // a fresh consumer group reads the shared topic from its beginning: allow for the backlog
    return Awaitility.await("kpi_customer " + customer + " as expected")
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> row(customer), r -> r != null && ready.test(r));
  }
}
