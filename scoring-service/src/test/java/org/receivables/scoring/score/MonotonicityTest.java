package org.receivables.scoring.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.receivables.scoring.behaviour.CollectionFacts;
import org.receivables.scoring.behaviour.InvoiceHistory;
import org.receivables.scoring.behaviour.PaymentBehaviour;
import org.receivables.scoring.behaviour.Settlement;
import org.receivables.scoring.external.ExternalScore;
import org.receivables.scoring.financials.Analysis;
import org.receivables.scoring.financials.Figures;
import org.receivables.scoring.financials.StatementCheck;

/**
 * Generated cases for the two promises of the model: paying later never improves a score, more
 * equity never worsens it.
 */
class MonotonicityTest {

  static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
  final Scorecard scorecard = ModelConfig.scorecard();

  @Test
  void payingLaterNeverImprovesTheScore() {
    Random random = new Random(20261123);
    int compared = 0;
    for (int run = 0; run < 2000; run++) {
      List<InvoiceHistory> invoices = randomInvoices(random);
      Analysis fin = random.nextBoolean() ? Analysis.of(randomStatement(random)) : null;
      ExternalScore ext =
          random.nextInt(3) == 0
              ? new ExternalScore("B", null, BigDecimal.valueOf(random.nextInt(101)), AS_OF)
              : null;
      List<int[]> payments = new ArrayList<>();
      for (int i = 0; i < invoices.size(); i++) {
        for (int j = 0; j < invoices.get(i).settlements().size(); j++) {
          payments.add(new int[] {i, j});
        }
      }
      if (payments.isEmpty()) {
        continue;
      }
      int[] pick = payments.get(random.nextInt(payments.size()));
      InvoiceHistory inv = invoices.get(pick[0]);
      Settlement s = inv.settlements().get(pick[1]);
      List<Settlement> moved = new ArrayList<>(inv.settlements());
      moved.set(pick[1], s.movedTo(s.on().plusDays(1 + random.nextInt(120))));
      List<InvoiceHistory> later = new ArrayList<>(invoices);
      later.set(pick[0], inv.withSettlements(moved));

      ScoreResult before = score(invoices, fin, ext);
      ScoreResult after = score(later, fin, ext);
      assertThat(after.score())
          .as("run %d: moving a payment of %s from %s later", run, inv.invoiceId(), s.on())
          .isLessThanOrEqualTo(before.score());
      assertThat(after.probabilityOfDefault())
          .isGreaterThanOrEqualTo(before.probabilityOfDefault());
      assertThat(after.riskClass()).isGreaterThanOrEqualTo(before.riskClass());
      compared++;
    }
    assertThat(compared).isGreaterThan(1000);
  }

  @Test
  void moreEquityNeverWorsensTheScore() {
    Random random = new Random(4242);
    for (int run = 0; run < 2000; run++) {
      Figures f = randomStatement(random);
      assertThat(StatementCheck.problems(f, AS_OF)).as("generated statement").isEmpty();
      List<InvoiceHistory> invoices = randomInvoices(random);
      BigDecimal delta = BigDecimal.valueOf(1 + random.nextInt(2_000_000));

      // new equity brought in as cash: assets grow with it
      Figures injected =
          new Figures(
              f.fiscalYearEnd(),
              f.currency(),
              f.totalAssets().add(delta),
              f.currentAssets().add(delta),
              f.cash().add(delta),
              f.inventories(),
              f.totalLiabilities(),
              f.currentLiabilities(),
              f.equity().add(delta),
              f.revenue(),
              f.ebit(),
              f.interestExpense(),
              f.netIncome(),
              f.retainedEarnings());
      // debt turned into equity: same assets, fewer liabilities
      BigDecimal converted = delta.min(f.totalLiabilities());
      BigDecimal tl = f.totalLiabilities().subtract(converted);
      Figures converted2 =
          new Figures(
              f.fiscalYearEnd(),
              f.currency(),
              f.totalAssets(),
              f.currentAssets(),
              f.cash(),
              f.inventories(),
              tl,
              f.currentLiabilities().min(tl),
              f.equity().add(converted),
              f.revenue(),
              f.ebit(),
              f.interestExpense(),
              f.netIncome(),
              f.retainedEarnings());

      int base = score(invoices, Analysis.of(f), null).score();
      assertThat(score(invoices, Analysis.of(injected), null).score())
          .as("run %d: equity +%s as cash", run, delta)
          .isGreaterThanOrEqualTo(base);
      assertThat(score(invoices, Analysis.of(converted2), null).score())
          .as("run %d: %s of debt converted to equity", run, converted)
          .isGreaterThanOrEqualTo(base);
    }
  }

  private ScoreResult score(List<InvoiceHistory> invoices, Analysis fin, ExternalScore ext) {
    PaymentBehaviour b = PaymentBehaviour.of(AS_OF, "EUR", invoices, CollectionFacts.NONE);
    return scorecard.score(new ScoreInputs(AS_OF, b, fin, ext, null, null));
  }

  static List<InvoiceHistory> randomInvoices(Random random) {
    List<InvoiceHistory> out = new ArrayList<>();
    int n = random.nextInt(16);
    for (int i = 0; i < n; i++) {
      LocalDate issued = AS_OF.minusDays(random.nextInt(540));
      LocalDate due = issued.plusDays(random.nextInt(4) * 15);
      BigDecimal total = BigDecimal.valueOf(100 + random.nextInt(50_000));
      List<Settlement> settlements = new ArrayList<>();
      int kind = random.nextInt(4);
      if (kind >= 1) {
        // paid in full, possibly in two parts, somewhere between early and very late
        BigDecimal first = kind == 3 ? total.divide(BigDecimal.valueOf(2)) : total;
        settlements.add(Settlement.payment(first, due.plusDays(random.nextInt(150) - 10)));
        if (kind == 3) {
          settlements.add(
              Settlement.payment(total.subtract(first), due.plusDays(random.nextInt(150) - 10)));
        }
      }
      out.add(new InvoiceHistory("I" + i, "EUR", issued, due, total, null, settlements));
    }
    return out;
  }

  static Figures randomStatement(Random random) {
    BigDecimal ta = BigDecimal.valueOf(100_000 + random.nextInt(10_000_000));
    BigDecimal tl = pct(ta, random.nextInt(131));
    BigDecimal equity = ta.subtract(tl);
    BigDecimal cl = pct(tl, random.nextInt(101));
    BigDecimal ca = pct(ta, random.nextInt(101));
    BigDecimal cash = pct(ca, random.nextInt(60));
    BigDecimal inventories = random.nextBoolean() ? pct(ca, random.nextInt(40)) : null;
    BigDecimal revenue = pct(ta, random.nextInt(300));
    BigDecimal ebit = pct(ta, random.nextInt(60) - 20);
    BigDecimal interest = random.nextBoolean() ? pct(tl, random.nextInt(8)) : null;
    BigDecimal netIncome = random.nextBoolean() ? pct(ta, random.nextInt(40) - 15) : null;
    BigDecimal re = random.nextInt(4) == 0 ? null : pct(ta, random.nextInt(140) - 60);
    return new Figures(
        AS_OF.minusMonths(6),
        "EUR",
        ta,
        ca,
        cash,
        inventories,
        tl,
        cl,
        equity,
        revenue,
        ebit,
        interest,
        netIncome,
        re);
  }

  private static BigDecimal pct(BigDecimal v, int percent) {
    return v.multiply(BigDecimal.valueOf(percent))
        .divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.DOWN);
  }
}
