package org.receivables.dunning.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.receivables.dunning.policy.Channel;
import org.receivables.dunning.policy.DefaultPolicies;
import org.receivables.dunning.policy.DunningPolicy;
import org.receivables.dunning.policy.InterestBasis;
import org.receivables.dunning.policy.PolicyStep;
import org.receivables.dunning.policy.StepAction;
import org.receivables.dunning.replica.OpenInvoices;
import org.receivables.kit.tenant.TenantScope;

/**
 * The run's SQL decision ({@link DueInvoices}) against the rule classes applied one invoice at a
 * time ({@link RunSelection}), on a generated book in PostgreSQL with every case the rules tell
 * apart: settled, disputed, unknown, do-not-dun and exempted customers (until a past, a coming or
 * no date), promises and plans, assigned (current or retired) policies, segments in any case, risk
 * classes, ladders with and without a formal notice, steps taken before, after and far from the
 * as-of date, codes no ladder knows, invoices not yet issued. Both must report the same invoices
 * considered, the same skips with the same reasons and the same (invoice, step, policy) pairs in
 * the same order, with the same customer facts.
 */
@QuarkusTest
class DueInvoicesEquivalenceTest {

  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

  @Inject EntityManager em;
  @Inject DueInvoices due;

  @Test
  void theSqlDecisionIsTheRulesDecisionOnAVariedBook() {
    Set<String> reasons = new HashSet<>();
    Set<String> steps = new HashSet<>();
    Set<String> policies = new HashSet<>();
    for (int seed = 1; seed <= 3; seed++) {
      Decision d = compare(seed);
      d.skipped().forEach(s -> reasons.add(s.reason()));
      d.candidates().forEach(c -> steps.add(c.step().code()));
      d.candidates().forEach(c -> policies.add(c.policy().name()));
    }
    // the books are varied enough to mean something
    assertThat(reasons)
        .containsExactlyInAnyOrder(
            "DISPUTED", "CUSTOMER_UNKNOWN", "CUSTOMER_EXEMPT", "PLAN_ACTIVE", "PROMISE_ACTIVE");
    assertThat(steps)
        .contains(
            "COURTESY",
            "SECOND",
            "CALL",
            "FORMAL_NOTICE",
            "CREDIT_HOLD",
            "AGENCY",
            "LEGAL",
            "B3",
            "ONLY");
    assertThat(policies)
        .contains(
            DefaultPolicies.STANDARD,
            DefaultPolicies.GENTLE,
            DefaultPolicies.FAST,
            "Retail",
            "Retail too, lower priority",
            "Assigned only");
  }

  /** Decides one generated book both ways; returns the rules' decision. */
  private Decision compare(int seed) {
    Random random = new Random(seed);
    String tenant = "equiv-" + UUID.randomUUID();
    List<DunningPolicy> ladders = ladders(tenant);
    List<String> invoiceIds = book(tenant, random, ladders);
    Set<String> promised = sample(invoiceIds, random, 25);
    Set<String> planned = sample(invoiceIds, random, 25);

    Decision byRules =
        inTenant(
            tenant,
            () -> {
              RunSelection s = new RunSelection(ladders, promised, planned, AS_OF);
              OpenInvoices.forEach(em, tenant, AS_OF, s);
              return s.decision();
            });
    Decision bySql = inTenant(tenant, () -> due.decide(tenant, AS_OF, ladders, promised, planned));

    assertThat(bySql.considered()).isEqualTo(byRules.considered()).isGreaterThan(500);
    assertThat(bySql.skipped()).isEqualTo(byRules.skipped());
    assertThat(pairs(bySql)).isEqualTo(pairs(byRules));
    for (Grouping.Candidate c : byRules.candidates()) {
      String customer = c.invoice().customerId();
      assertThat(bySql.customer(customer)).isEqualTo(byRules.customer(customer));
    }
    assertThat(bySql.candidates()).isNotEmpty();
    return byRules;
  }

  private static List<String> pairs(Decision d) {
    return d.candidates().stream()
        .map(
            c ->
                c.invoice().invoiceId()
                    + ":"
                    + c.step().code()
                    + ":"
                    + c.policy().id()
                    + ":"
                    + c.invoice())
        .toList();
  }

  /** The default ladders, a segment ladder with a legal step, and one without a formal notice. */
  private static List<DunningPolicy> ladders(String tenant) {
    List<DunningPolicy> out = new ArrayList<>(DefaultPolicies.forTenant(tenant));
    out.add(
        policy(
            "Retail",
            List.of(),
            List.of("Retail", "export"),
            10,
            4,
            List.of(
                step("COURTESY", -3, StepAction.SEND),
                step("FRIENDLY", 3, StepAction.SEND),
                step("FORMAL_NOTICE", 15, StepAction.FORMAL_NOTICE),
                step("CREDIT_HOLD", 25, StepAction.CREDIT_HOLD),
                step("LEGAL", 40, StepAction.LEGAL))));
    out.add(
        policy(
            "Retail too, lower priority",
            List.of("E"),
            List.of("RETAIL", "wholesale"),
            20,
            2,
            List.of(
                step("B1", 0, StepAction.SEND),
                step("B2", 8, StepAction.SEND),
                step("B3", 16, StepAction.CALL_TASK))));
    // a policy no customer matches unless assigned: never the fallback (the default is)
    out.add(
        policy(
            "Assigned only",
            List.of(),
            List.of(),
            200,
            0,
            List.of(step("ONLY", 50, StepAction.SEND))));
    return out;
  }

  private static DunningPolicy policy(
      String name,
      List<String> risks,
      List<String> segments,
      int priority,
      int gap,
      List<PolicyStep> steps) {
    return new DunningPolicy(
        UUID.nameUUIDFromBytes(name.getBytes()),
        1,
        name,
        name,
        false,
        risks,
        segments,
        priority,
        gap,
        InterestBasis.FR_LEGAL,
        null,
        steps);
  }

  private static PolicyStep step(String code, int offset, StepAction action) {
    return new PolicyStep(
        code, code, offset, List.of(Channel.EMAIL), "friendly", BigDecimal.ZERO, List.of(action));
  }

  /** Writes customers, settings, risks, invoices and step claims; returns the invoice ids. */
  private List<String> book(String tenant, Random random, List<DunningPolicy> ladders) {
    List<String> codes = new ArrayList<>();
    ladders.forEach(p -> p.steps().forEach(s -> codes.add(s.code())));
    codes.add("RETIRED_STEP");
    List<String> ids = new ArrayList<>();
    TenantScope.run(
        tenant,
        () ->
            QuarkusTransaction.requiringNew()
                .run(
                    () ->
                        em.unwrap(Session.class)
                            .doWork(
                                c -> {
                                  try (PreparedStatement customer =
                                          c.prepareStatement(
                                              "insert into dn_customer (tenant_id, customer_id,"
                                                  + " name, language, email, phone, segment,"
                                                  + " do_not_dun, credit_hold, updated_at) values"
                                                  + " (?, ?, ?, ?, ?, ?, ?, ?, ?, now())");
                                      PreparedStatement risk =
                                          c.prepareStatement(
                                              "insert into dn_customer_risk (tenant_id,"
                                                  + " customer_id, risk_class,"
                                                  + " probability_of_default, credit_hold,"
                                                  + " updated_at) values (?, ?, ?, ?, ?, now())");
                                      PreparedStatement setting =
                                          c.prepareStatement(
                                              "insert into customer_setting (tenant_id,"
                                                  + " customer_id, policy_id, exempt,"
                                                  + " exempt_until, updated_at) values (?, ?, ?,"
                                                  + " ?, ?, now())");
                                      PreparedStatement invoice =
                                          c.prepareStatement(
                                              "insert into invoice_replica (tenant_id,"
                                                  + " invoice_id, customer_id, number, currency,"
                                                  + " issue_date, due_date, total_incl_tax,"
                                                  + " outstanding, status, disputed, updated_at)"
                                                  + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                                                  + " now())");
                                      PreparedStatement claim =
                                          c.prepareStatement(
                                              "insert into step_claim (tenant_id, invoice_id,"
                                                  + " step_code, run_id, customer_id, as_of,"
                                                  + " claimed_at) values (?, ?, ?, ?, ?, ?, now())"
                                                  + " on conflict do nothing")) {
                                    for (int n = 0; n < 90; n++) {
                                      String id = "c" + n;
                                      boolean known = n % 23 != 5;
                                      if (known) {
                                        customer.setString(1, tenant);
                                        customer.setString(2, id);
                                        customer.setString(3, "Customer " + n);
                                        customer.setString(4, n % 3 == 0 ? "en" : "fr");
                                        customer.setString(5, n % 7 == 0 ? null : id + "@x.test");
                                        customer.setString(6, n % 4 == 0 ? "+3360000" + n : null);
                                        customer.setString(
                                            7,
                                            pick(
                                                random,
                                                null,
                                                null,
                                                null,
                                                "",
                                                " ",
                                                "retail",
                                                "RETAIL",
                                                "Export",
                                                "wholesale",
                                                "other"));
                                        customer.setBoolean(8, random.nextInt(25) == 0);
                                        customer.setBoolean(9, random.nextInt(10) == 0);
                                        customer.addBatch();
                                      }
                                      if (random.nextInt(8) != 0) {
                                        risk.setString(1, tenant);
                                        risk.setString(2, id);
                                        risk.setString(
                                            3,
                                            pick(random, null, "A", "B", "C", "c", "D", "E", "X"));
                                        risk.setBigDecimal(
                                            4,
                                            random.nextBoolean()
                                                ? null
                                                : new BigDecimal("0.0" + (10 + n) + "500"));
                                        risk.setObject(
                                            5,
                                            random.nextInt(3) == 0 ? null : random.nextBoolean());
                                        risk.addBatch();
                                      }
                                      if (random.nextInt(3) == 0) {
                                        setting.setString(1, tenant);
                                        setting.setString(2, id);
                                        int p = random.nextInt(ladders.size() + 2);
                                        setting.setObject(
                                            3,
                                            p < ladders.size()
                                                ? ladders.get(p).id()
                                                : p == ladders.size() ? UUID.randomUUID() : null);
                                        boolean exempt = random.nextInt(4) == 0;
                                        setting.setBoolean(4, exempt);
                                        setting.setObject(
                                            5,
                                            exempt && random.nextBoolean()
                                                ? AS_OF.plusDays(random.nextInt(5) - 2)
                                                : null);
                                        setting.addBatch();
                                      }
                                    }
                                    for (int n = 0; n < 900; n++) {
                                      String id = "i" + n;
                                      String customerId = "c" + random.nextInt(90);
                                      LocalDate dueDate = AS_OF.minusDays(random.nextInt(140) - 20);
                                      BigDecimal total =
                                          BigDecimal.valueOf(100 + random.nextInt(90_000), 2);
                                      int kind = random.nextInt(40);
                                      invoice.setString(1, tenant);
                                      invoice.setString(2, id);
                                      invoice.setString(3, customerId);
                                      invoice.setString(4, String.format("F-%05d", n));
                                      invoice.setString(5, random.nextInt(5) == 0 ? "USD" : "EUR");
                                      invoice.setObject(6, dueDate.minusDays(random.nextInt(40)));
                                      invoice.setObject(7, dueDate);
                                      invoice.setBigDecimal(8, total);
                                      invoice.setBigDecimal(9, kind == 0 ? BigDecimal.ZERO : total);
                                      invoice.setString(
                                          10,
                                          kind == 1
                                              ? "PAID"
                                              : kind == 2
                                                  ? "CANCELLED"
                                                  : kind == 3 ? "WRITTEN_OFF" : "OPEN");
                                      invoice.setBoolean(11, random.nextInt(15) == 0);
                                      invoice.addBatch();
                                      ids.add(id);
                                      int claims = random.nextInt(5);
                                      for (int k = 0; k < claims; k++) {
                                        claim.setString(1, tenant);
                                        claim.setString(2, id);
                                        claim.setString(3, codes.get(random.nextInt(codes.size())));
                                        claim.setObject(4, UUID.randomUUID());
                                        claim.setString(5, customerId);
                                        claim.setObject(
                                            6,
                                            random.nextInt(4) == 0
                                                ? AS_OF.minusDays(random.nextInt(10) - 2)
                                                : dueDate.plusDays(random.nextInt(60) - 5));
                                        claim.addBatch();
                                      }
                                    }
                                    customer.executeBatch();
                                    risk.executeBatch();
                                    setting.executeBatch();
                                    invoice.executeBatch();
                                    claim.executeBatch();
                                  }
                                })));
    return ids;
  }

  @SafeVarargs
  private static <T> T pick(Random random, T... values) {
    return values[random.nextInt(values.length)];
  }

  private static Set<String> sample(List<String> ids, Random random, int count) {
    Set<String> out = new HashSet<>();
    while (out.size() < count) {
      out.add(ids.get(random.nextInt(ids.size())));
    }
    return out;
  }

  private static <T> T inTenant(String tenant, java.util.function.Supplier<T> work) {
    return TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(work::get));
  }
}
