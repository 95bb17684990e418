package org.receivables.dunning.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.receivables.dunning.policy.DefaultPolicies;
import org.receivables.dunning.policy.DunningPolicy;

/**
 * The policies as the run's SQL reads them: step windows, notices and gaps, who gets which policy.
 */
class LadderTableTest {

  private static final List<DunningPolicy> LADDERS = DefaultPolicies.forTenant("t");

  @Test
  void eachStepIsTheMostAdvancedReachedFromItsOffsetUntilTheNextOne() {
    LadderTable table = new LadderTable(LADDERS);
    DunningPolicy standard = DefaultPolicies.standard("t");
    List<LadderTable.Step> steps =
        table.steps().stream().filter(s -> s.policyId().equals(standard.id())).toList();

    assertThat(steps)
        .extracting(LadderTable.Step::offset)
        .containsExactly(-5, 1, 10, 20, 30, 45, 60);
    assertThat(steps)
        .extracting(LadderTable.Step::nextOffset)
        .containsExactly(1, 10, 20, 30, 45, 60, null);
    assertThat(steps).extracting(LadderTable.Step::index).containsExactly(0, 1, 2, 3, 4, 5, 6);
    assertThat(table.policies())
        .filteredOn(p -> p.policyId().equals(standard.id()))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.noticeIndex()).isEqualTo(4);
              assertThat(p.noticeCode()).isEqualTo("FORMAL_NOTICE");
              assertThat(p.minGapDays()).isEqualTo(5);
            });
  }

  @Test
  void riskClassesAndTheFallbackAreTheSelectorsChoice() {
    LadderTable table = new LadderTable(LADDERS);

    assertThat(table.byRisk())
        .containsEntry("a", DefaultPolicies.gentle("t").id())
        .containsEntry("c", DefaultPolicies.standard("t").id())
        .containsEntry("e", DefaultPolicies.fast("t").id())
        .hasSize(5);
    assertThat(table.bySegment()).isEmpty();
    assertThat(table.fallback()).isEqualTo(DefaultPolicies.standard("t").id());
  }

  @Test
  void aSegmentNamedByTwoPoliciesGoesToTheLowerPriorityNumber() {
    List<DunningPolicy> ladders = new ArrayList<>(LADDERS);
    DunningPolicy gentle = DefaultPolicies.gentle("t");
    DunningPolicy fast = DefaultPolicies.fast("t");
    ladders.set(1, withSegments(gentle, List.of("Retail", " "), 50));
    ladders.set(2, withSegments(fast, List.of("RETAIL", "export"), 40));

    LadderTable table = new LadderTable(ladders);

    assertThat(table.bySegment())
        .containsOnlyKeys("retail", "export")
        .containsEntry("retail", fast.id())
        .containsEntry("export", fast.id());
  }

  @Test
  void withoutPoliciesThereIsNothingToSelect() {
    LadderTable table = new LadderTable(List.of());

    assertThat(table.steps()).isEmpty();
    assertThat(table.fallback()).isNull();
  }

  private static DunningPolicy withSegments(DunningPolicy p, List<String> segments, int priority) {
    return new DunningPolicy(
        p.id(),
        p.version(),
        p.name(),
        p.description(),
        p.isDefault(),
        p.riskClasses(),
        segments,
        priority,
        p.minGapDays(),
        p.interestBasis(),
        p.contractualRate(),
        p.steps());
  }
}
