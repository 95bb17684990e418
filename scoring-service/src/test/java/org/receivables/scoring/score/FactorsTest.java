package org.receivables.scoring.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.receivables.scoring.behaviour.CollectionFacts;
import org.receivables.scoring.external.ExternalScore;
import org.receivables.scoring.external.SectorRiskLevel;
import org.receivables.scoring.financials.Analysis;
import org.receivables.scoring.financials.FinancialsTest;

/** Every factor the scorecard reports is one of {@link Factors}, and every one of them is used. */
class FactorsTest {

  private static Set<String> declared() throws IllegalAccessException {
    Set<String> names = new HashSet<>();
    for (Field f : Factors.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        names.add((String) f.get(null));
      }
    }
    return names;
  }

  @Test
  void theScorecardReportsOnlyDeclaredFactorsAndUsesThemAll() throws IllegalAccessException {
    Scorecard scorecard = ModelConfig.scorecard();
    Set<String> reported = new HashSet<>();
    // a long history paid late and getting worse, statements, a rating and a sector
    var invoices = new java.util.ArrayList<>(ScorecardTest.monthlyInvoices(12, 40));
    invoices.addAll(ScorecardTest.monthlyInvoices(3, 80));
    var facts =
        new CollectionFacts(
            List.of(),
            List.of(ScorecardTest.AS_OF.minusMonths(1)),
            List.of(),
            List.of(ScorecardTest.AS_OF.minusDays(3)));
    for (ScoreInputs in :
        List.of(
            new ScoreInputs(
                ScorecardTest.AS_OF,
                ScorecardTest.behaviour(invoices, facts),
                Analysis.of(FinancialsTest.healthy()),
                new ExternalScore(
                    "Bureau", "B", new BigDecimal("60"), ScorecardTest.AS_OF.minusMonths(1)),
                "construction",
                SectorRiskLevel.HIGH),
            // nothing on file: the notes about missing history and statements
            ScorecardTest.inputs(
                ScorecardTest.behaviour(List.of(), CollectionFacts.NONE), null, null))) {
      scorecard.score(in).reasons().forEach(r -> reported.add(r.factor()));
    }
    assertThat(declared()).containsAll(reported);
    assertThat(reported).containsAll(declared());
  }

  @Test
  void factorNamesAreUnique() throws IllegalAccessException {
    long fields =
        Arrays.stream(Factors.class.getFields()).filter(f -> f.getType() == String.class).count();
    assertThat(declared()).hasSize((int) fields);
  }
}
