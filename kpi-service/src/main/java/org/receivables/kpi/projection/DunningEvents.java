package org.receivables.kpi.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import org.receivables.events.DunningEscalated;
import org.receivables.events.PaymentPlanAgreed;
import org.receivables.events.PaymentPlanBroken;
import org.receivables.events.PaymentPlanCompleted;
import org.receivables.events.PromiseBroken;
import org.receivables.events.PromiseKept;
import org.receivables.events.PromiseMade;
import org.receivables.events.ReminderSent;
import org.receivables.kit.time.BusinessCalendar;
import org.receivables.kpi.projection.DunningRepository.Commitment;
import org.receivables.kpi.projection.DunningRepository.Reminder;

/**
 * The dunning topic's events as the KPIs count them: reminders and escalations for the strategy
 * success rate, promises and payment plans for the kept rates.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DunningEvents {

  static final String PROMISE = "PROMISE";
  static final String PLAN = "PLAN";

  @Inject DunningRepository dunning;
  @Inject InvoiceRepository invoices;
  @Inject LedgerRepository ledger;
  @Inject BusinessCalendar.TimeConfig time;

  void onReminder(ReminderSent e) {
    List<String> ids = idsOf(e.invoiceIds());
    dunning.insert(
        new Reminder(
            e.tenantId(),
            e.customerId(),
            e.reminderId(),
            orUnknown(e.step()),
            orUnknown(e.channel()),
            e.amount(),
            e.currency() != null ? e.currency() : currencyOf(e.tenantId(), ids),
            Days.of(e.sentAt(), time.defaultZone()),
            ids,
            e.policyId(),
            e.policyVersion()));
  }

  /**
   * An escalation is counted like a reminder with its action as channel; it names no amount (the
   * balance of its invoices that day is read instead) and no currency (that of its invoices).
   */
  void onEscalation(DunningEscalated e, String eventId) {
    List<String> ids = idsOf(e.invoiceIds());
    dunning.insert(
        new Reminder(
            e.tenantId(),
            e.customerId(),
            "escalation:" + eventId,
            orUnknown(e.step()),
            orUnknown(e.action()),
            null,
            currencyOf(e.tenantId(), ids),
            e.escalatedOn(),
            ids,
            null,
            null));
  }

  void onPromise(PromiseMade e) {
    dunning.commit(
        new Commitment(
            e.tenantId(),
            e.customerId(),
            e.promiseId(),
            PROMISE,
            e.amount(),
            e.currency(),
            e.promisedFor()));
  }

  void onPromiseKept(PromiseKept e) {
    outcome(e.tenantId(), e.customerId(), e.promiseId(), PROMISE, "KEPT", e.keptOn());
  }

  void onPromiseBroken(PromiseBroken e) {
    outcome(e.tenantId(), e.customerId(), e.promiseId(), PROMISE, "BROKEN", e.brokenOn());
  }

  void onPlan(PaymentPlanAgreed e) {
    dunning.commit(
        new Commitment(
            e.tenantId(),
            e.customerId(),
            e.planId(),
            PLAN,
            e.total(),
            e.currency(),
            e.lastDueDate()));
  }

  void onPlanCompleted(PaymentPlanCompleted e) {
    outcome(e.tenantId(), e.customerId(), e.planId(), PLAN, "KEPT", e.completedOn());
  }

  void onPlanBroken(PaymentPlanBroken e) {
    outcome(e.tenantId(), e.customerId(), e.planId(), PLAN, "BROKEN", e.brokenOn());
  }

  private void outcome(
      String tenantId, String customerId, String id, String kind, String outcome, LocalDate on) {
    dunning.outcome(tenantId, customerId, id, kind, outcome, on);
    ledger.staleFrom(tenantId, on);
  }

  private String currencyOf(String tenantId, List<String> invoiceIds) {
    return invoices.currencyOfAny(tenantId, invoiceIds).orElse(null);
  }

  private static List<String> idsOf(List<String> invoiceIds) {
    return invoiceIds == null ? List.of() : invoiceIds;
  }

  private static String orUnknown(String value) {
    return value == null ? "UNKNOWN" : value;
  }
}
