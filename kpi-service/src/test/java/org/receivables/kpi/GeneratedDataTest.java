package org.receivables.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.receivables.kpi.Scenario.amount;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.events.CreditNoteIssued;
import org.receivables.events.InvoiceIssued;
import org.receivables.events.Topics;
import org.receivables.kit.testing.KafkaWriter;
import org.receivables.kit.testing.TestTokens;

/** Random invoices, payments and credit notes: the aging buckets always add up to outstanding. */
@QuarkusTest
class GeneratedDataTest {

  private static final LocalDate START = LocalDate.of(2025, 1, 1);

  @Test
  void agingBucketsAddUpToOutstandingOnGeneratedData() {
    Scenario s = new Scenario(TestTokens.freshTenant());
    Random random = new Random(20260630L);
    // expected outstanding per day: the sum of every movement dated on or before it
    TreeMap<LocalDate, BigDecimal> movements = new TreeMap<>();
    for (int n = 0; n < 60; n++) {
      String customer = random.nextBoolean() ? s.c1 : s.c2;
      String invoice = UUID.randomUUID().toString();
      LocalDate issue = START.plusDays(random.nextInt(500));
      LocalDate due = issue.plusDays(random.nextInt(90));
      BigDecimal total = BigDecimal.valueOf(1_000 + random.nextInt(500_000), 2);
      InvoiceIssued issued = s.issued(customer, invoice, total.toPlainString(), issue, due);
      KafkaWriter.publish(Topics.INVOICING, UUID.randomUUID().toString(), issued);
      movements.merge(issue, total, BigDecimal::add);
      BigDecimal open = total;
      LocalDate on = issue;
      for (int k = random.nextInt(3); k > 0; k--) {
        BigDecimal part = open.multiply(BigDecimal.valueOf(random.nextInt(100), 2));
        part = part.setScale(2, java.math.RoundingMode.DOWN);
        on = on.plusDays(1 + random.nextInt(60));
        if (part.signum() == 0) {
          continue;
        }
        if (random.nextInt(4) == 0) {
          KafkaWriter.publish(
              Topics.INVOICING,
              UUID.randomUUID().toString(),
              new CreditNoteIssued(
                  s.tenant,
                  customer,
                  invoice,
                  UUID.randomUUID().toString(),
                  "AV",
                  "EUR",
                  part,
                  on,
                  "r",
                  open.subtract(part),
                  "OPEN"));
        } else {
          KafkaWriter.publish(
              Topics.INVOICING,
              UUID.randomUUID().toString(),
              s.payment(customer, invoice, UUID.randomUUID().toString(), part.toPlainString(), on));
        }
        movements.merge(on, part.negate(), BigDecimal::add);
        open = open.subtract(part);
      }
    }
    LocalDate last = START.plusDays(800);
    BigDecimal expectedAtEnd = expected(movements, last);
    s.awaitSummary(last, j -> amount(j, "outstanding").compareTo(expectedAtEnd) == 0);

    for (int i = 0; i < 12; i++) {
      LocalDate asOf = START.plusDays(random.nextInt(700));
      JsonPath sum = s.summary(asOf);
      BigDecimal buckets =
          amount(sum, "aging.notDue")
              .add(amount(sum, "aging.days1to30"))
              .add(amount(sum, "aging.days31to60"))
              .add(amount(sum, "aging.days61to90"))
              .add(amount(sum, "aging.over90"));
      assertThat(buckets)
          .as("buckets as of %s", asOf)
          .isEqualByComparingTo(amount(sum, "outstanding"));
      assertThat(amount(sum, "outstanding"))
          .as("outstanding as of %s", asOf)
          .isEqualByComparingTo(expected(movements, asOf));
      assertThat(amount(sum, "overdue"))
          .isEqualByComparingTo(buckets.subtract(amount(sum, "aging.notDue")));
    }
  }

  private static BigDecimal expected(TreeMap<LocalDate, BigDecimal> movements, LocalDate asOf) {
    return movements.headMap(asOf, true).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
