package org.receivables.dunning.commitment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.receivables.dunning.replica.ReplicaChange;
import org.receivables.dunning.timeline.Timeline;
import org.receivables.events.PaymentPlanBroken;
import org.receivables.events.PaymentPlanCompleted;
import org.receivables.events.PromiseBroken;
import org.receivables.events.PromiseKept;
import org.receivables.events.Topics;
import org.receivables.kit.outbox.Outbox;

/**
 * Moves promises and plans on as payments arrive and deadlines pass, and tells a run which invoices
 * they pause. Payments settle them at once; the passing of a deadline breaks them when a run or the
 * daily job reviews them. Every change is published and written to the case timeline.
 */
@ApplicationScoped
public class CommitmentReview {

  @Inject PromiseRepository promises;
  @Inject PaymentPlanRepository plans;
  @Inject CommitmentInvoices invoices;
  @Inject Outbox outbox;
  @Inject Timeline timeline;

  /** Invoice ids paused as of a date: under a promise or a plan that is still being kept. */
  public record Paused(Set<String> promised, Set<String> planned) {}

  /** After a payment or credit: promises and plans of the customer it fulfils are closed. */
  @Transactional(Transactional.TxType.MANDATORY)
  void onPayment(@Observes ReplicaChange.PaymentApplied payment) {
    review(payment.tenantId(), payment.customerId(), payment.on());
  }

  /** Closes every commitment of the tenant that is kept or broken as of the date. */
  @Transactional
  public void review(String tenantId, LocalDate asOf) {
    review(tenantId, null, asOf);
  }

  private void review(String tenantId, String customerId, LocalDate asOf) {
    for (Promise p : promises.active(tenantId, customerId, true)) {
      PromiseRules.Outcome o = invoices.evaluate(p, asOf);
      if (!p.close(o)) {
        continue;
      }
      String id = p.id.toString();
      if (o.status() == PromiseStatus.KEPT) {
        outbox.record(Topics.DUNNING, new PromiseKept(tenantId, p.customerId, id, o.on()));
        timeline.record(
            tenantId,
            p.customerId,
            "PROMISE_KEPT",
            Timeline.SYSTEM,
            "Promise to pay kept",
            id,
            o.on());
      } else {
        outbox.record(Topics.DUNNING, new PromiseBroken(tenantId, p.customerId, id, o.on()));
        timeline.record(
            tenantId,
            p.customerId,
            "PROMISE_BROKEN",
            Timeline.SYSTEM,
            "Promise to pay broken: dunning resumes",
            id,
            o.on());
      }
    }
    for (PaymentPlan p : plans.active(tenantId, customerId, true)) {
      PlanRules.Outcome o = invoices.evaluate(p, asOf);
      if (!p.close(o)) {
        continue;
      }
      String id = p.id.toString();
      if (o.status() == PlanStatus.COMPLETED) {
        outbox.record(Topics.DUNNING, new PaymentPlanCompleted(tenantId, p.customerId, id, o.on()));
        timeline.record(
            tenantId,
            p.customerId,
            "PLAN_COMPLETED",
            Timeline.SYSTEM,
            "Payment plan completed",
            id,
            o.on());
      } else {
        outbox.record(Topics.DUNNING, new PaymentPlanBroken(tenantId, p.customerId, id, o.on()));
        timeline.record(
            tenantId,
            p.customerId,
            "PLAN_BROKEN",
            Timeline.SYSTEM,
            "Payment plan broken (instalment missed beyond "
                + p.graceDays
                + " days' grace, paid "
                + o.paid().toPlainString()
                + "): dunning resumes",
            id,
            o.on());
      }
    }
  }

  /** Evaluates without changing anything, so a dry run sees what a real run would. */
  public Paused paused(String tenantId, LocalDate asOf) {
    Set<String> promised = new HashSet<>();
    Set<String> planned = new HashSet<>();
    for (Promise p : promises.active(tenantId, null, false)) {
      if (!p.madeOn.isAfter(asOf) && invoices.evaluate(p, asOf).status() == PromiseStatus.ACTIVE) {
        promised.addAll(p.invoiceIds);
      }
    }
    for (PaymentPlan p : plans.active(tenantId, null, false)) {
      if (!p.agreedOn.isAfter(asOf) && invoices.evaluate(p, asOf).status() == PlanStatus.ACTIVE) {
        planned.addAll(p.invoiceIds);
      }
    }
    return new Paused(promised, planned);
  }

  /** Invoices whose plan waives interest and the indemnity. */
  public Set<String> feesWaived(String tenantId) {
    return plans.feesWaived(tenantId);
  }

  /** Promises first, then plans, each in the order they were made. */
  public List<CommitmentView> list(String tenantId, String customerId) {
    List<CommitmentView> out = new ArrayList<>();
    promises.of(tenantId, customerId).forEach(p -> out.add(p.view()));
    plans.of(tenantId, customerId).forEach(p -> out.add(p.view()));
    return out;
  }
}
