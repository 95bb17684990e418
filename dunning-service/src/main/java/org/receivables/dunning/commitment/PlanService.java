package org.receivables.dunning.commitment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.receivables.dunning.common.DunningConfig;
import org.receivables.dunning.common.Params;
import org.receivables.dunning.common.Violations;
import org.receivables.dunning.replica.InvoiceFacts;
import org.receivables.dunning.timeline.Timeline;
import org.receivables.events.PaymentPlanAgreed;
import org.receivables.events.Topics;
import org.receivables.kit.money.Money;
import org.receivables.kit.outbox.Outbox;
import org.receivables.kit.problem.Problem.FieldError;
import org.receivables.kit.problem.ProblemException;

/**
 * Records an agreed payment plan once its instalments are checked against what is owed ({@link
 * PlanRules}): it pauses dunning on its invoices until {@link CommitmentReview} finds it completed
 * or broken. Published and written to the timeline.
 */
@ApplicationScoped
public class PlanService {

  @Inject PaymentPlanRepository plans;
  @Inject CommitmentInvoices invoices;
  @Inject Outbox outbox;
  @Inject Timeline timeline;
  @Inject Clock clock;
  @Inject DunningConfig config;
  @Inject Validator validator;

  @Transactional
  public CommitmentView plan(String tenantId, PlanRequest r, String actor, LocalDate today) {
    if (r == null) {
      throw ProblemException.invalid("body", "is required");
    }
    String customerId = Params.ref("customerId", r.customerId(), true);
    List<FieldError> errors = new ArrayList<>(Violations.of(validator, r));
    LocalDate agreedOn = r.agreedOn() == null ? today : r.agreedOn();
    int grace = r.graceDays() == null ? config.planGraceDays() : r.graceDays();
    List<InvoiceFacts> listed = invoices.of(tenantId, customerId, r.invoiceIds(), errors);
    BigDecimal owed =
        listed.stream().map(InvoiceFacts::outstanding).reduce(BigDecimal.ZERO, BigDecimal::add);
    errors.addAll(PlanRules.validate(r.instalments(), agreedOn, listed.isEmpty() ? null : owed));
    if (!errors.isEmpty()) {
      throw Params.invalid(errors);
    }
    plans.refuseCovered(tenantId, listed, "payment plan");
    List<Instalment> instalments = r.instalments();
    PaymentPlan p = new PaymentPlan();
    p.open(tenantId, customerId, listed, grace, r.note(), actor, Instant.now(clock));
    p.total = owed;
    p.instalments = instalments;
    p.agreedOn = agreedOn;
    p.waiveFees = Boolean.TRUE.equals(r.waiveFees());
    plans.persist(p);
    String currency = p.currency;
    outbox.record(
        Topics.DUNNING,
        new PaymentPlanAgreed(
            tenantId,
            customerId,
            p.id.toString(),
            List.copyOf(p.invoiceIds),
            Money.round(owed, currency),
            currency,
            instalments.size(),
            instalments.get(0).dueDate(),
            instalments.get(instalments.size() - 1).dueDate()));
    timeline.record(
        tenantId,
        customerId,
        "PLAN_AGREED",
        actor,
        "Payment plan of "
            + instalments.size()
            + " instalments for "
            + Money.round(owed, currency).toPlainString()
            + " "
            + currency
            + " on "
            + CommitmentInvoices.numbers(listed)
            + (p.waiveFees ? ", fees waived" : ""),
        p.id.toString(),
        agreedOn);
    return p.view();
  }

  public CommitmentView view(String tenantId, UUID id) {
    return plans
        .find(tenantId, id)
        .map(PaymentPlan::view)
        .orElseThrow(() -> ProblemException.notFound("Payment plan", id));
  }
}
