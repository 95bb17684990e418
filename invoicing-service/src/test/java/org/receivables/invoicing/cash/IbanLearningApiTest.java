package org.receivables.invoicing.cash;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.invoicing.TestLedger;
import org.receivables.invoicing.cash.Statements.Entry;

/**
 * A payer's IBAN is learnt from an automatic match by a valid RF reference, so that its next
 * transfer without any reference is applied when the amount and the name bear it out.
 */
@QuarkusTest
class IbanLearningApiTest {

  private final TestLedger api = new TestLedger();

  /** One credit in a statement of its own. */
  private JsonPath upload(String account, String amount, String payer, String iban, String text) {
    Entry entry = Entry.credit("L-" + UUID.randomUUID(), amount, payer, iban, text);
    return TestLedger.json(
        api.as("collector")
            .contentType("application/xml")
            .body(
                Statements.camt053(
                    8, "S-" + entry.ref(), account, "0.00", entry.amount(), List.of(entry)))
            .post("/api/v1/bank-statements")
            .then()
            .statusCode(201)
            .extract()
            .response());
  }

  private static String iban(long n) {
    return "FR76" + String.format("%023d", n);
  }

  @Test
  void anIbanThatPaidByReferenceIsKnownForTheNextTransfer() {
    String account = iban(Math.abs(UUID.randomUUID().getLeastSignificantBits()) % 1_000_000_000L);
    String payer = iban(Math.abs(UUID.randomUUID().getMostSignificantBits()) % 1_000_000_000L);
    String stranger = iban(Math.abs(UUID.randomUUID().getMostSignificantBits()) % 999_999_999L);
    String customer = api.customer();
    String first = api.invoice(customer, "2026-10-01", "100"); // 120.00
    String second = api.invoice(customer, "2026-10-02", "50"); // 60.00
    String third = api.invoice(customer, "2026-10-03", "25"); // 30.00

    // Without a known IBAN, the amount and a name that merely resembles only suggest (named
    // exactly, the only invoice owing 30.00 would apply: AmountEvidence.sole).
    JsonPath unknown = upload(account, "30.00", "BOULANGERIE MARTN", stranger, "vir");
    assertThat(unknown.getInt("suggested")).isEqualTo(1);

    String rf = api.invoiceJson(first).getString("paymentReference");
    assertThat(upload(account, "120.00", null, payer, rf).getInt("matched")).isEqualTo(1);

    JsonPath next = upload(account, "60.00", "BOULANGERIE MARTIN", payer, "virement");
    assertThat(next.getInt("matched")).isEqualTo(1);
    assertThat(api.invoiceJson(second).getString("status")).isEqualTo("PAID");
    assertThat(api.invoiceJson(third).getString("status")).isEqualTo("OPEN");
    assertThat(
            api.read("/api/v1/bank-statements/" + next.getString("id") + "/entries")
                .getList("items[0].reasons", String.class))
        .anyMatch(r -> r.contains("paid this customer before"));
  }
}
