package org.receivables.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.receivables.kpi.Scenario.amount;

import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.receivables.events.CreditNoteIssued;
import org.receivables.events.CustomerRegistered;
import org.receivables.events.CustomerUpdated;
import org.receivables.events.DomainEvent;
import org.receivables.events.InvoiceCancelled;
import org.receivables.events.InvoiceDueDateChanged;
import org.receivables.events.InvoiceWrittenOff;
import org.receivables.events.PaymentReceived;
import org.receivables.events.PaymentReversed;
import org.receivables.events.PaymentTermsData;
import org.receivables.events.Topics;
import org.receivables.kit.testing.KafkaWriter;

/**
 * A tenant's book of random invoicing events, for tests that compare figures read from the
 * aggregates with the same figures read invoice by invoice: payments (some dated before the
 * invoice's issue date), reversals, credit notes, cancellations, write-offs and due date changes.
 * Every event published is kept with its id, so that a test can deliver it again.
 */
final class RandomBook {

  static final LocalDate START = LocalDate.of(2025, 3, 1);

  /** Every figure of a summary that both ways of reading must give alike. */
  static final List<String> FIGURES =
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

  /** The figures that add up over customers (the others are ratios of sums). */
  static final List<String> ADDITIVE =
      List.of(
          "outstanding",
          "overdue",
          "openInvoices",
          "invoiced",
          "netSales",
          "collected",
          "writtenOff",
          "fellOverdue",
          "recovered",
          "aging.notDue",
          "aging.days1to30",
          "aging.days31to60",
          "aging.days61to90",
          "aging.over90");

  /** One event published, with its id. */
  record Published(String eventId, DomainEvent event) {}

  final Scenario s;
  final Random random;
  final List<Published> published = new ArrayList<>();

  /** Whether events go to Kafka, or are only kept (for a test that applies them itself). */
  private final boolean toKafka;

  RandomBook(Scenario s, long seed) {
    this(s, seed, true);
  }

  RandomBook(Scenario s, long seed, boolean toKafka) {
    this.s = s;
    this.random = new Random(seed);
    this.toKafka = toKafka;
  }

  void register(String customer, String segment) {
    publish(
        new CustomerRegistered(
            s.tenant,
            customer,
            "EXT-" + customer.substring(0, 8),
            "Customer " + customer.substring(0, 8),
            "FR",
            "EUR",
            "fr",
            null,
            null,
            segment,
            new PaymentTermsData(30, "NONE")));
  }

  /** The customer's new segment (or the same one, its name changed). */
  Published update(String customer, String segment) {
    return publish(
        new CustomerUpdated(
            s.tenant,
            customer,
            "EXT-" + customer.substring(0, 8),
            "Customer " + customer.substring(0, 8) + " " + random.nextInt(1000),
            "FR",
            "EUR",
            "fr",
            null,
            null,
            segment,
            new PaymentTermsData(30, "NONE"),
            false));
  }

  /**
   * Issues {@code count} invoices of the customer with random movements each.
   *
   * @return what they invoiced
   */
  BigDecimal invoices(String customer, int count) {
    String tenant = s.tenant;
    BigDecimal invoiced = BigDecimal.ZERO;
    for (int n = 0; n < count; n++) {
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
      invoiced = invoiced.add(total);
    }
    return invoiced;
  }

  /**
   * Issues one more invoice of 0.01 and waits until the customer's summary counts {@code
   * invoicedBefore} + 0.01: events of one customer are read in order, so once this one is
   * projected, every earlier one of the customer is.
   *
   * @return what the customer invoiced, the marker included
   */
  BigDecimal awaitProjected(String customer, BigDecimal invoicedBefore) {
    publish(s.issued(customer, UUID.randomUUID().toString(), "0.01", START, START));
    BigDecimal everything = invoicedBefore.add(new BigDecimal("0.01"));
    LocalDate asOf = START.plusDays(700);
    Scenario.await(
        () -> s.summary(asOf, "from", START.minusDays(1).toString(), "customerId", customer),
        j -> amount(j, "invoiced").compareTo(everything) == 0,
        "events of customer " + customer);
    return everything;
  }

  /** A random as-of date over the book, and a period ending on it: {from, asOf}. */
  LocalDate[] randomPeriod() {
    LocalDate asOf = START.plusDays(random.nextInt(650) - 20);
    return new LocalDate[] {asOf.minusDays(random.nextInt(200)), asOf};
  }

  /** Delivers an event again under the same id, as a consumer restarted before its commit would. */
  void redeliver(Published p) {
    KafkaWriter.publish(Topics.INVOICING, p.eventId(), p.event());
  }

  private Published publish(DomainEvent e) {
    Published p = new Published(UUID.randomUUID().toString(), e);
    if (toKafka) {
      KafkaWriter.publish(Topics.INVOICING, p.eventId(), e);
    }
    published.add(p);
    return p;
  }

  /** Every figure of {@code actual} equals the one of {@code expected}, nulls included. */
  static void assertSameFigures(JsonPath expected, JsonPath actual, String what) {
    for (String figure : FIGURES) {
      Object expectedValue = expected.get(figure);
      Object actualValue = actual.get(figure);
      if (expectedValue instanceof Map<?, ?> buckets) {
        for (Object bucket : buckets.keySet()) {
          assertThat(amount(actual, figure + "." + bucket))
              .as("%s.%s %s", figure, bucket, what)
              .isEqualByComparingTo(amount(expected, figure + "." + bucket));
        }
      } else if (expectedValue == null) {
        assertThat(actualValue).as("%s %s", figure, what).isNull();
      } else {
        assertThat(actualValue).as("%s %s", figure, what).isNotNull();
        assertThat(new BigDecimal(actualValue.toString()))
            .as("%s %s", figure, what)
            .isEqualByComparingTo(new BigDecimal(expectedValue.toString()));
      }
    }
  }
}
