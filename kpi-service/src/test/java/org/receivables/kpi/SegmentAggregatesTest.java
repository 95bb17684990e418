package org.receivables.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.receivables.kpi.Scenario.amount;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.kit.testing.TestTokens;

/**
 * A segment's summary reads the per-segment aggregates, which the projection keeps in the batch's
 * transaction and moves when a customer changes segment; a customer's summary reads its invoices
 * one by one (the ledger). On random events ({@link RandomBook}), some delivered twice, the two
 * must agree for any as-of date and period: a segment of one customer gives that customer's
 * figures, a segment of several the sum of theirs, a segment holding every customer the tenant's,
 * and a segment its customers left gives nothing. Every answer is checked against the OpenAPI
 * document (the kit's {@code OpenApiContract}, in front of every call): the shape is the one of
 * API.md.
 */
@QuarkusTest
class SegmentAggregatesTest {

  @Test
  void segmentAggregatesFollowTheLedgerThroughSegmentChangesAndRedelivery() {
    Scenario s = new Scenario(TestTokens.freshTenant());
    RandomBook book = new RandomBook(s, 20261206L);
    String c1 = UUID.randomUUID().toString();
    String c2 = UUID.randomUUID().toString();
    String c3 = UUID.randomUUID().toString();
    book.register(c1, "north");
    book.register(c2, "south");
    book.register(c3, "south");
    BigDecimal i1 = book.invoices(c1, 12);
    BigDecimal i2 = book.invoices(c2, 12);
    BigDecimal i3 = book.invoices(c3, 12);

    // c2 moves to north with its figures; the change is delivered twice, and so are a few
    // movements of before and after it
    RandomBook.Published move = book.update(c2, "north");
    book.redeliver(move);
    book.redeliver(book.published.get(5));
    i2 = i2.add(book.invoices(c2, 6));
    book.redeliver(book.published.get(book.published.size() - 2));
    i1 = i1.add(book.invoices(c1, 6));
    i3 = i3.add(book.invoices(c3, 6));
    book.update(c1, "north"); // same segment, another name: nothing moves
    book.redeliver(book.published.get(book.published.size() - 3));
    i1 = book.awaitProjected(c1, i1);
    i2 = book.awaitProjected(c2, i2);
    i3 = book.awaitProjected(c3, i3);

    for (int i = 0; i < 8; i++) {
      LocalDate[] period = book.randomPeriod();
      String from = period[0].toString();
      LocalDate asOf = period[1];
      String when = " as of " + asOf + " from " + from;
      RandomBook.assertSameFigures(
          s.summary(asOf, "from", from, "customerId", c3),
          s.summary(asOf, "from", from, "segment", "south"),
          "of south (c3 alone)" + when);
      JsonPath north = s.summary(asOf, "from", from, "segment", "north");
      JsonPath one = s.summary(asOf, "from", from, "customerId", c1);
      JsonPath two = s.summary(asOf, "from", from, "customerId", c2);
      for (String figure : RandomBook.ADDITIVE) {
        assertThat(amount(north, figure))
            .as("%s of north (c1 + c2)%s", figure, when)
            .isEqualByComparingTo(amount(one, figure).add(amount(two, figure)));
      }
    }

    // c3 joins north: north is now the whole tenant, south has no customer left
    book.update(c3, "north");
    i3 = book.awaitProjected(c3, i3.add(book.invoices(c3, 4)));
    for (int i = 0; i < 6; i++) {
      LocalDate[] period = book.randomPeriod();
      String from = period[0].toString();
      LocalDate asOf = period[1];
      String when = " as of " + asOf + " from " + from;
      RandomBook.assertSameFigures(
          s.summary(asOf, "from", from),
          s.summary(asOf, "from", from, "segment", "north"),
          "of north (every customer)" + when);
      RandomBook.assertSameFigures(
          s.summary(asOf, "from", from, "customerId", UUID.randomUUID().toString()),
          s.summary(asOf, "from", from, "segment", "south"),
          "of south (no customer)" + when);
    }
    assertThat(i1.add(i2).add(i3))
        .isEqualByComparingTo(
            amount(
                s.summary(RandomBook.START.plusDays(700), "from", "2025-02-01", "segment", "north"),
                "invoiced"));
  }
}
