package org.receivables.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.receivables.events.CustomerPersonalDataErased;
import org.receivables.events.CustomerRegistered;
import org.receivables.events.PaymentTermsData;
import org.receivables.events.Topics;
import org.receivables.kit.testing.KafkaWriter;
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
    awaitRow(customer, r -> "Jean Dupont EI".equals(r[0]));
    awaitRow(other, r -> "Jean Dupont EI".equals(r[0]));

    String eventId = UUID.randomUUID().toString();
    var erased =
        new CustomerPersonalDataErased(
            tenant, customer, CustomerPersonalDataErased.REQUEST, Instant.now());
    KafkaWriter.publish(Topics.INVOICING, eventId, erased);
    KafkaWriter.publish(Topics.INVOICING, eventId, erased); // a redelivery is harmless

    Object[] after = awaitRow(customer, r -> r[0] == null);
    assertThat(after[1]).isEqualTo("C-" + customer);
    assertThat(after[2]).isEqualTo("retail");
    assertThat(row(other)[0]).isEqualTo("Jean Dupont EI");
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
