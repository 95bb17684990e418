package org.receivables.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.receivables.kpi.Scenario.amount;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.events.CreditNoteIssued;
import org.receivables.events.CustomerRegistered;
import org.receivables.events.DomainEvent;
import org.receivables.events.InvoiceCancelled;
import org.receivables.events.InvoiceDueDateChanged;
import org.receivables.events.InvoiceWrittenOff;
import org.receivables.events.PaymentReceived;
import org.receivables.events.PaymentReversed;
import org.receivables.events.PaymentTermsData;
import org.receivables.events.Topics;
import org.receivables.kit.testing.KafkaWriter;
import org.receivables.kit.testing.TestTokens;

/**
 * The whole tenant's summary reads the tenant's aggregates; a customer's summary reads its invoices
 * one by one. With a single customer both describe the same book, so on random events (payments,
 * some dated before the invoice's issue date, reversals, credit notes, cancellations, write-offs,
 * due date changes) every figure must be the same for any as-of date and period.
 */
@QuarkusTest
class TenantAggregatesTest {

  private static final LocalDate START = LocalDate.of(2025, 3, 1);
  private static final List<String> FIGURES =
      List.of(
          "outstanding",
          "overdue",
          "openInvoices",
          "dso",
          "countBackDso",
          "bestPossibleDso",
          "averageDaysDelinquent",
          "cei",
          "recoveryRate",
          "averageCollectionDelay",
          "averageDaysToPay",
          "badDebtRatio",
          "disputeRate",
          "invoiced",
          "netSales",
          "collected",
          "writtenOff",
          "fellOverdue",
          "recovered",
          "aging");

  @Test
  void tenantAggregatesGiveTheFiguresOfTheInvoicesThemselves() {
    String tenant = TestTokens.freshTenant();
    Scenario s = new Scenario(tenant);
    String customer = UUID.randomUUID().toString();
    publish(
        new CustomerRegistered(
            tenant,
            customer,
            "AGG-1",
            "Aggregates",
            "FR",
            "EUR",
            "fr",
            null,
            null,
            null,
            new PaymentTermsData(30, "NONE")));
    Random random = new Random(20261123L);
    BigDecimal expectedTotal = BigDecimal.ZERO;
    for (int n = 0; n < 40; n++) {
      String invoice = UUID.randomUUID().toString();
      LocalDate issue = START.plusDays(random.nextInt(300));
      LocalDate due = issue.plusDays(random.nextInt(70));
      BigDecimal total = BigDecimal.valueOf(5_000 + random.nextInt(200_000), 2);
      publish(s.issued(customer, invoice, total.toPlainString(), issue, due));
      BigDecimal open = total;
      LocalDate on = issue;
      List<String> payments = new ArrayList<>();
      for (int k = random.nextInt(4); k > 0 && open.signum() > 0; k--) {
        // now and then a payment dated before the issue date (a prepayment)
        on = random.nextInt(8) == 0 ? issue.minusDays(3) : on.plusDays(random.nextInt(80));
        BigDecimal part =
            open.multiply(BigDecimal.valueOf(10 + random.nextInt(90), 2))
                .setScale(2, RoundingMode.DOWN);
        if (part.signum() == 0) {
          break;
        }
        open = open.subtract(part);
        switch (random.nextInt(6)) {
          case 0 ->
              publish(
                  new CreditNoteIssued(
                      tenant,
                      customer,
                      invoice,
                      UUID.randomUUID().toString(),
                      "AV",
                      "EUR",
                      part,
                      on,
                      "r",
                      open,
                      "OPEN"));
          case 1 -> {
            if (!payments.isEmpty()) {
              // reverses the last payment: what it paid is owed again
              String paymentId = payments.remove(payments.size() - 1);
              publish(
                  new PaymentReversed(
                      tenant,
                      customer,
                      invoice,
                      paymentId,
                      "EUR",
                      part,
                      on,
                      "bounced",
                      BigDecimal.ZERO,
                      open.add(part).add(part),
                      "OPEN"));
              open = open.add(part).add(part);
            } else {
              open = open.add(part);
            }
          }
          default -> {
            String paymentId = UUID.randomUUID().toString();
            payments.add(paymentId);
            publish(
                new PaymentReceived(
                    tenant,
                    customer,
                    invoice,
                    paymentId,
                    "EUR",
                    part,
                    BigDecimal.ZERO,
                    on,
                    "VIR",
                    part,
                    open,
                    "PARTIALLY_PAID"));
          }
        }
      }
      switch (random.nextInt(8)) {
        case 0 ->
            publish(
                new InvoiceCancelled(
                    tenant,
                    customer,
                    invoice,
                    "F",
                    "EUR",
                    on.plusDays(5),
                    "error",
                    BigDecimal.ZERO));
        case 1 ->
            publish(
                new InvoiceWrittenOff(
                    tenant,
                    customer,
                    invoice,
                    "F",
                    "EUR",
                    on.plusDays(100),
                    open.max(BigDecimal.ZERO),
                    "lost",
                    BigDecimal.ZERO));
        case 2, 3 ->
            publish(
                new InvoiceDueDateChanged(
                    tenant, customer, invoice, due, due.plusDays(random.nextInt(40) - 10)));
        default -> {
          // left as it is
        }
      }
      expectedTotal = expectedTotal.add(total);
    }
    // events of one customer are read in order: once the last one is projected, all are
    publish(s.issued(customer, UUID.randomUUID().toString(), "0.01", START, START));
    BigDecimal invoicedEverything = expectedTotal.add(new BigDecimal("0.01"));
    s.awaitSummary(
        START.plusDays(700),
        j ->
            amount(
                        s.summary(START.plusDays(700), "from", START.minusDays(1).toString()),
                        "invoiced")
                    .compareTo(invoicedEverything)
                == 0);

    for (int i = 0; i < 15; i++) {
      LocalDate asOf = START.plusDays(random.nextInt(650) - 20);
      LocalDate from = asOf.minusDays(random.nextInt(200));
      JsonPath tenantWide = s.summary(asOf, "from", from.toString());
      JsonPath oneCustomer = s.summary(asOf, "from", from.toString(), "customerId", customer);
      for (String figure : FIGURES) {
        Object expected = oneCustomer.get(figure);
        Object actual = tenantWide.get(figure);
        if (expected instanceof Map<?, ?> buckets) {
          for (Object bucket : buckets.keySet()) {
            assertThat(amount(tenantWide, figure + "." + bucket))
                .as("%s.%s as of %s from %s", figure, bucket, asOf, from)
                .isEqualByComparingTo(amount(oneCustomer, figure + "." + bucket));
          }
        } else if (expected == null) {
          assertThat(actual).as("%s as of %s from %s", figure, asOf, from).isNull();
        } else {
          assertThat(new BigDecimal(actual.toString()))
              .as("%s as of %s from %s", figure, asOf, from)
              .isEqualByComparingTo(new BigDecimal(expected.toString()));
        }
      }
    }
  }

  private static void publish(DomainEvent e) {
    KafkaWriter.publish(Topics.INVOICING, UUID.randomUUID().toString(), e);
  }
}
