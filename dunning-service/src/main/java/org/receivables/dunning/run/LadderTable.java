package org.receivables.dunning.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.receivables.dunning.policy.DunningPolicy;
import org.receivables.dunning.policy.PolicySelector;
import org.receivables.dunning.policy.PolicyStep;

/**
 * The tenant's few current policies as the parameters of the run's SQL ({@link DueInvoices}), so
 * that one statement applies them to every invoice. Which policy a segment or a risk class gets is
 * asked of {@link PolicySelector} itself, once per value a policy names, never re-stated in SQL;
 * each step carries the window of days late in which it is the most advanced step reached, each
 * policy its gap and its formal notice: what {@link StepSelector}'s rules need row by row.
 */
final class LadderTable {

  /** One step of one policy: due from {@code offset} days late until before {@code nextOffset}. */
  record Step(UUID policyId, int index, String code, int offset, Integer nextOffset) {}

  /** One policy: its gap between steps and its formal notice (index -1 and null when none). */
  record Policy(UUID policyId, int minGapDays, int noticeIndex, String noticeCode) {}

  private final Map<UUID, DunningPolicy> byId = new LinkedHashMap<>();
  private final List<Step> steps = new ArrayList<>();
  private final List<Policy> policies = new ArrayList<>();
  private final Map<String, UUID> bySegment;
  private final Map<String, UUID> byRisk;
  private final UUID fallback;

  LadderTable(List<DunningPolicy> ladders) {
    for (DunningPolicy p : ladders) {
      byId.put(p.id(), p);
      List<PolicyStep> s = p.steps();
      Integer later = null;
      List<Step> reversed = new ArrayList<>();
      for (int i = s.size() - 1; i >= 0; i--) {
        reversed.add(new Step(p.id(), i, s.get(i).code(), s.get(i).offsetDays(), later));
        later = later == null ? s.get(i).offsetDays() : Math.min(later, s.get(i).offsetDays());
      }
      for (int i = reversed.size() - 1; i >= 0; i--) {
        steps.add(reversed.get(i));
      }
      int notice = StepSelector.formalNoticeIndex(s);
      policies.add(
          new Policy(p.id(), p.minGapDays(), notice, notice < 0 ? null : s.get(notice).code()));
    }
    bySegment = winners(ladders, DunningPolicy::segments, v -> selector(ladders, v, null));
    byRisk = winners(ladders, DunningPolicy::riskClasses, v -> selector(ladders, null, v));
    fallback = PolicySelector.select(ladders, null, null, null).map(DunningPolicy::id).orElse(null);
  }

  private static Optional<DunningPolicy> selector(
      List<DunningPolicy> ladders, String segment, String riskClass) {
    return PolicySelector.select(ladders, null, segment, riskClass);
  }

  /** Each value a policy names (lower case, as the SQL compares it) with the policy it selects. */
  private static Map<String, UUID> winners(
      List<DunningPolicy> ladders,
      Function<DunningPolicy, List<String>> values,
      Function<String, Optional<DunningPolicy>> select) {
    Map<String, UUID> out = new LinkedHashMap<>();
    for (DunningPolicy p : ladders) {
      for (String v : values.apply(p) == null ? List.<String>of() : values.apply(p)) {
        if (v != null && !v.isBlank()) {
          out.computeIfAbsent(
              v.toLowerCase(Locale.ROOT),
              k -> select.apply(v).map(DunningPolicy::id).orElseThrow());
        }
      }
    }
    return out;
  }

  List<Step> steps() {
    return steps;
  }

  List<Policy> policies() {
    return policies;
  }

  /** Segment (lower case) to the policy it selects, for segments some policy names. */
  Map<String, UUID> bySegment() {
    return bySegment;
  }

  /** Risk class (lower case) to the policy it selects, for classes some policy names. */
  Map<String, UUID> byRisk() {
    return byRisk;
  }

  /** The policy of a customer matched by nothing else; null when the tenant has none. */
  UUID fallback() {
    return fallback;
  }

  DunningPolicy policy(UUID id) {
    return byId.get(id);
  }
}
