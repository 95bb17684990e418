package org.receivables.invoicing.cash;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.events.InvoiceIssued;
import org.receivables.invoicing.TestLedger;

/** Every invoice carries its creditor reference, in the API, the event and the migration's rule. */
@QuarkusTest
class PaymentReferenceApiTest {

  private final TestLedger api = new TestLedger();
  @Inject EntityManager em;

  @Test
  void anIssuedInvoiceShowsAndAnnouncesItsReference() {
    String invoiceId = api.invoice(api.customer(), "2026-01-15", "100");
    JsonPath invoice = api.invoiceJson(invoiceId);
    String reference = invoice.getString("paymentReference");
    assertThat(CreditorReference.isValid(reference)).isTrue();
    assertThat(reference).isEqualTo(CreditorReference.forInvoice(UUID.fromString(invoiceId)));
    JsonPath event = TestLedger.event(InvoiceIssued.TYPE, invoiceId);
    assertThat(event.getString("paymentReference")).isEqualTo(reference);
  }

  @Test
  void theMigrationsBackfillRuleComputesWhatTheCodeDoes() {
    for (int i = 0; i < 50; i++) {
      UUID id = UUID.randomUUID();
      String sql =
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      (String)
                          em.createNativeQuery("select cash_creditor_reference(cast(:id as uuid))")
                              .setParameter("id", id.toString())
                              .getSingleResult());
      assertThat(sql).isEqualTo(CreditorReference.forInvoice(id));
    }
  }
}
