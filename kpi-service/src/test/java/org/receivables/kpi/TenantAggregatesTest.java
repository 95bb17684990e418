package org.receivables.kpi;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.kit.testing.TestTokens;

/**
 * The whole tenant's summary reads the tenant's aggregates; a customer's summary reads its invoices
 * one by one. With a single customer both describe the same book, so on random events ({@link
 * RandomBook}) every figure must be the same for any as-of date and period.
 */
@QuarkusTest
class TenantAggregatesTest {

  @Test
  void tenantAggregatesGiveTheFiguresOfTheInvoicesThemselves() {
    Scenario s = new Scenario(TestTokens.freshTenant());
    RandomBook book = new RandomBook(s, 20261123L);
    String customer = UUID.randomUUID().toString();
    book.register(customer, null);
    book.awaitProjected(customer, book.invoices(customer, 40));

    for (int i = 0; i < 15; i++) {
      LocalDate[] period = book.randomPeriod();
      String from = period[0].toString();
      RandomBook.assertSameFigures(
          s.summary(period[1], "from", from, "customerId", customer),
          s.summary(period[1], "from", from),
          "as of " + period[1] + " from " + from);
    }
  }
}
