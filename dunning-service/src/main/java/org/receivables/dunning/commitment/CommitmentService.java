package org.receivables.dunning.commitment;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.receivables.dunning.common.DunningConfig;
import org.receivables.dunning.common.Json;
import org.receivables.dunning.common.Params;
import org.receivables.dunning.replica.Replica;
import org.receivables.dunning.run.InvoiceFacts;
import org.receivables.dunning.timeline.Timeline;
import org.receivables.events.PaymentPlanAgreed;
import org.receivables.events.PaymentPlanBroken;
import org.receivables.events.PaymentPlanCompleted;
import org.receivables.events.PromiseBroken;
import org.receivables.events.PromiseKept;
import org.receivables.events.PromiseMade;
import org.receivables.events.Topics;
import org.receivables.kit.money.Money;
import org.receivables.kit.outbox.Outbox;
import org.receivables.kit.problem.Problem.FieldError;
import org.receivables.kit.problem.ProblemException;

/**
 * Promises to pay and payment plans: they pause dunning on their invoices while kept. Payments
 * settle them as they arrive; the passing of deadlines breaks them when a run or the daily job
 * reviews them. Every change is published and written to the case timeline.
 */
@ApplicationScoped
public class CommitmentService {

  private static final TypeReference<List<Instalment>> INSTALMENTS = new TypeReference<>() {};
  private static final String PROMISE_COLUMNS =
      "id, customer_id, invoice_ids, amount, currency, promised_for, made_on, grace_days, status, closed_on, note,"
          + " created_by";
  private static final String PLAN_COLUMNS =
      "id, customer_id, invoice_ids, total, currency, instalments, agreed_on, grace_days, status, closed_on, note,"
          + " created_by, waive_fees";

  @Inject EntityManager em;
  @Inject Replica replica;
  @Inject Outbox outbox;
  @Inject Timeline timeline;
  @Inject Clock clock;
  @Inject DunningConfig config;

  /** Invoice ids paused as of a date: under a promise or a plan that is still being kept. */
  public record Paused(Set<String> promised, Set<String> planned) {}

  // ------------------------------------------------------------------ promises

  @Transactional
  public CommitmentView promise(String tenantId, PromiseRequest r, String actor, LocalDate today) {
    if (r == null) {
      throw ProblemException.invalid("body", "is required");
    }
    List<FieldError> errors = new ArrayList<>();
    String customerId = Params.ref("customerId", r.customerId(), true);
    LocalDate madeOn = r.madeOn() == null ? today : r.madeOn();
    int grace = r.graceDays() == null ? config.promiseGraceDays() : r.graceDays();
    if (r.amount() == null || r.amount().signum() <= 0) {
      errors.add(new FieldError("amount", "must be greater than 0"));
    }
    if (r.promisedFor() == null) {
      errors.add(new FieldError("promisedFor", "is required"));
    } else if (r.promisedFor().isBefore(madeOn)) {
      errors.add(
          new FieldError(
              "promisedFor", "must not be before the day the promise is made (" + madeOn + ")"));
    } else if (r.promisedFor().isAfter(madeOn.plusDays(180))) {
      errors.add(
          new FieldError("promisedFor", "must be within 180 days; agree a payment plan instead"));
    }
    if (grace < 0 || grace > 30) {
      errors.add(new FieldError("graceDays", "must be between 0 and 30"));
    }
    List<InvoiceFacts> invoices = invoicesOf(tenantId, customerId, r.invoiceIds(), errors);
    if (!errors.isEmpty()) {
      throw Params.invalid(errors);
    }
    String currency = invoices.get(0).currency();
    BigDecimal owed =
        invoices.stream().map(InvoiceFacts::outstanding).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (!Money.fitsMinorUnits(r.amount(), currency)) {
      throw ProblemException.invalid("amount", "has more decimals than " + currency + " allows");
    }
    if (r.amount().compareTo(owed) > 0) {
      throw ProblemException.invalid(
          "amount", "exceeds what is owed on the invoices (" + owed.toPlainString() + ")");
    }
    for (InvoiceFacts i : invoices) {
      if (activePromiseCovers(tenantId, i.invoiceId())) {
        throw ProblemException.conflict(
            "Invoice " + i.number() + " is already under an active promise to pay");
      }
    }
    UUID id = UUID.randomUUID();
    List<String> ids = invoices.stream().map(InvoiceFacts::invoiceId).toList();
    em.createNativeQuery(
            "insert into promise_to_pay (id, tenant_id, customer_id, invoice_ids, amount, currency, promised_for,"
                + " made_on, grace_days, status, note, created_by, created_at) values (:id, :t, :c, :ids, :a, :cur,"
                + " :for, :made, :g, 'ACTIVE', :note, :by, :at)")
        .setParameter("id", id)
        .setParameter("t", tenantId)
        .setParameter("c", customerId)
        .setParameter("ids", Json.write(ids))
        .setParameter("a", r.amount())
        .setParameter("cur", currency)
        .setParameter("for", r.promisedFor())
        .setParameter("made", madeOn)
        .setParameter("g", grace)
        .setParameter("note", r.note())
        .setParameter("by", actor)
        .setParameter("at", Instant.now(clock))
        .executeUpdate();
    outbox.record(
        Topics.DUNNING,
        new PromiseMade(
            tenantId,
            customerId,
            id.toString(),
            ids,
            Money.round(r.amount(), currency),
            currency,
            r.promisedFor()));
    timeline.record(
        tenantId,
        customerId,
        "PROMISE_MADE",
        actor,
        "Promise to pay "
            + Money.round(r.amount(), currency).toPlainString()
            + " "
            + currency
            + " by "
            + r.promisedFor()
            + " on "
            + numbers(invoices)
            + (r.note() == null ? "" : ": " + r.note()),
        id.toString(),
        madeOn);
    return promiseView(tenantId, id);
  }

  // ------------------------------------------------------------------ plans

  @Transactional
  public CommitmentView plan(String tenantId, PlanRequest r, String actor, LocalDate today) {
    if (r == null) {
      throw ProblemException.invalid("body", "is required");
    }
    List<FieldError> errors = new ArrayList<>();
    String customerId = Params.ref("customerId", r.customerId(), true);
    LocalDate agreedOn = r.agreedOn() == null ? today : r.agreedOn();
    int grace = r.graceDays() == null ? config.planGraceDays() : r.graceDays();
    if (grace < 0 || grace > 30) {
      errors.add(new FieldError("graceDays", "must be between 0 and 30"));
    }
    List<InvoiceFacts> invoices = invoicesOf(tenantId, customerId, r.invoiceIds(), errors);
    BigDecimal owed =
        invoices.stream().map(InvoiceFacts::outstanding).reduce(BigDecimal.ZERO, BigDecimal::add);
    errors.addAll(PlanRules.validate(r.instalments(), agreedOn, invoices.isEmpty() ? null : owed));
    if (!errors.isEmpty()) {
      throw Params.invalid(errors);
    }
    String currency = invoices.get(0).currency();
    for (InvoiceFacts i : invoices) {
      if (activePlanCovers(tenantId, i.invoiceId())) {
        throw ProblemException.conflict(
            "Invoice " + i.number() + " is already under an active payment plan");
      }
    }
    UUID id = UUID.randomUUID();
    List<String> ids = invoices.stream().map(InvoiceFacts::invoiceId).toList();
    List<Instalment> instalments = r.instalments();
    em.createNativeQuery(
            "insert into payment_plan (id, tenant_id, customer_id, invoice_ids, currency, total, instalments,"
                + " agreed_on, grace_days, waive_fees, status, note, created_by, created_at) values (:id, :t, :c, :ids,"
                + " :cur, :total, :inst, :on, :g, :w, 'ACTIVE', :note, :by, :at)")
        .setParameter("id", id)
        .setParameter("t", tenantId)
        .setParameter("c", customerId)
        .setParameter("ids", Json.write(ids))
        .setParameter("cur", currency)
        .setParameter("total", owed)
        .setParameter("inst", Json.write(instalments))
        .setParameter("on", agreedOn)
        .setParameter("g", grace)
        .setParameter("w", Boolean.TRUE.equals(r.waiveFees()))
        .setParameter("note", r.note())
        .setParameter("by", actor)
        .setParameter("at", Instant.now(clock))
        .executeUpdate();
    outbox.record(
        Topics.DUNNING,
        new PaymentPlanAgreed(
            tenantId,
            customerId,
            id.toString(),
            ids,
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
            + numbers(invoices)
            + (Boolean.TRUE.equals(r.waiveFees()) ? ", fees waived" : ""),
        id.toString(),
        agreedOn);
    return planView(tenantId, id);
  }

  // ------------------------------------------------------------------ evaluation

  /** After a payment or credit: promises and plans of the customer it fulfils are closed. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void onPayment(String tenantId, String customerId, LocalDate on) {
    review(tenantId, customerId, on);
  }

  /** Closes every commitment of the tenant that is kept or broken as of the date. */
  @Transactional
  public void review(String tenantId, LocalDate asOf) {
    review(tenantId, null, asOf);
  }

  @SuppressWarnings("unchecked")
  private void review(String tenantId, String customerId, LocalDate asOf) {
    String byCustomer = customerId == null ? "" : " and customer_id = :c";
    var promises =
        em.createNativeQuery(
                "select "
                    + PROMISE_COLUMNS
                    + " from promise_to_pay where tenant_id = :t"
                    + " and status = 'ACTIVE'"
                    + byCustomer
                    + " for update")
            .setParameter("t", tenantId);
    var plans =
        em.createNativeQuery(
                "select "
                    + PLAN_COLUMNS
                    + " from payment_plan where tenant_id = :t"
                    + " and status = 'ACTIVE'"
                    + byCustomer
                    + " for update")
            .setParameter("t", tenantId);
    if (customerId != null) {
      promises.setParameter("c", customerId);
      plans.setParameter("c", customerId);
    }
    for (Object[] p : (List<Object[]>) promises.getResultList()) {
      PromiseRules.Outcome o = evaluatePromise(tenantId, p, asOf);
      if (o.status() == PromiseStatus.ACTIVE) {
        continue;
      }
      UUID id = (UUID) p[0];
      String cust = (String) p[1];
      close("promise_to_pay", id, o.status().name(), o.on());
      if (o.status() == PromiseStatus.KEPT) {
        outbox.record(Topics.DUNNING, new PromiseKept(tenantId, cust, id.toString(), o.on()));
        timeline.record(
            tenantId,
            cust,
            "PROMISE_KEPT",
            Timeline.SYSTEM,
            "Promise to pay kept",
            id.toString(),
            o.on());
      } else {
        outbox.record(Topics.DUNNING, new PromiseBroken(tenantId, cust, id.toString(), o.on()));
        timeline.record(
            tenantId,
            cust,
            "PROMISE_BROKEN",
            Timeline.SYSTEM,
            "Promise to pay broken: dunning resumes",
            id.toString(),
            o.on());
      }
    }
    for (Object[] p : (List<Object[]>) plans.getResultList()) {
      PlanRules.Outcome o = evaluatePlan(tenantId, p, asOf);
      if (o.status() == PlanStatus.ACTIVE) {
        continue;
      }
      UUID id = (UUID) p[0];
      String cust = (String) p[1];
      close("payment_plan", id, o.status().name(), o.on());
      if (o.status() == PlanStatus.COMPLETED) {
        outbox.record(
            Topics.DUNNING, new PaymentPlanCompleted(tenantId, cust, id.toString(), o.on()));
        timeline.record(
            tenantId,
            cust,
            "PLAN_COMPLETED",
            Timeline.SYSTEM,
            "Payment plan completed",
            id.toString(),
            o.on());
      } else {
        outbox.record(Topics.DUNNING, new PaymentPlanBroken(tenantId, cust, id.toString(), o.on()));
        timeline.record(
            tenantId,
            cust,
            "PLAN_BROKEN",
            Timeline.SYSTEM,
            "Payment plan broken (instalment missed beyond "
                + p[7]
                + " days' grace, paid "
                + o.paid().toPlainString()
                + "): dunning resumes",
            id.toString(),
            o.on());
      }
    }
  }

  /** Evaluates without changing anything, so a dry run sees what a real run would. */
  @SuppressWarnings("unchecked")
  public Paused paused(String tenantId, LocalDate asOf) {
    Set<String> promised = new HashSet<>();
    Set<String> planned = new HashSet<>();
    for (Object[] p :
        (List<Object[]>)
            em.createNativeQuery(
                    "select "
                        + PROMISE_COLUMNS
                        + " from promise_to_pay where tenant_id = :t and status = 'ACTIVE'")
                .setParameter("t", tenantId)
                .getResultList()) {
      if (!Replica.date(p[6]).isAfter(asOf)
          && evaluatePromise(tenantId, p, asOf).status() == PromiseStatus.ACTIVE) {
        promised.addAll(Json.read((String) p[2], Json.STRINGS));
      }
    }
    for (Object[] p :
        (List<Object[]>)
            em.createNativeQuery(
                    "select "
                        + PLAN_COLUMNS
                        + " from payment_plan where tenant_id = :t and status = 'ACTIVE'")
                .setParameter("t", tenantId)
                .getResultList()) {
      if (!Replica.date(p[6]).isAfter(asOf)
          && evaluatePlan(tenantId, p, asOf).status() == PlanStatus.ACTIVE) {
        planned.addAll(Json.read((String) p[2], Json.STRINGS));
      }
    }
    return new Paused(promised, planned);
  }

  /** Invoices whose plan waives interest and the indemnity. */
  @SuppressWarnings("unchecked")
  public Set<String> feesWaived(String tenantId) {
    Set<String> out = new HashSet<>();
    for (Object ids :
        em.createNativeQuery(
                "select invoice_ids from payment_plan where tenant_id = :t and waive_fees"
                    + " and status <> 'BROKEN'")
            .setParameter("t", tenantId)
            .getResultList()) {
      out.addAll(Json.read((String) ids, Json.STRINGS));
    }
    return out;
  }

  private PromiseRules.Outcome evaluatePromise(String tenantId, Object[] p, LocalDate asOf) {
    List<String> ids = Json.read((String) p[2], Json.STRINGS);
    return PromiseRules.evaluate(
        (BigDecimal) p[3],
        Replica.date(p[6]),
        Replica.date(p[5]),
        ((Number) p[7]).intValue(),
        paid(tenantId, ids),
        allSettled(tenantId, ids),
        asOf);
  }

  private PlanRules.Outcome evaluatePlan(String tenantId, Object[] p, LocalDate asOf) {
    List<String> ids = Json.read((String) p[2], Json.STRINGS);
    return PlanRules.evaluate(
        Json.read((String) p[5], INSTALMENTS),
        Replica.date(p[6]),
        ((Number) p[7]).intValue(),
        paid(tenantId, ids),
        allSettled(tenantId, ids),
        asOf);
  }

  private List<Paid> paid(String tenantId, List<String> invoiceIds) {
    return replica.payments(tenantId, invoiceIds).stream()
        .map(r -> new Paid(Replica.date(r[0]), (BigDecimal) r[1]))
        .toList();
  }

  private boolean allSettled(String tenantId, List<String> invoiceIds) {
    List<InvoiceFacts> invoices = replica.invoices(tenantId, invoiceIds);
    return !invoices.isEmpty() && invoices.stream().allMatch(InvoiceFacts::settled);
  }

  private void close(String table, UUID id, String status, LocalDate on) {
    em.createNativeQuery("update " + table + " set status = :s, closed_on = :on where id = :id")
        .setParameter("s", status)
        .setParameter("on", on)
        .setParameter("id", id)
        .executeUpdate();
  }

  // ------------------------------------------------------------------ reading

  @SuppressWarnings("unchecked")
  public List<CommitmentView> list(String tenantId, String customerId) {
    List<CommitmentView> out = new ArrayList<>();
    String by = customerId == null ? "" : " and customer_id = :c";
    var q1 =
        em.createNativeQuery(
                "select "
                    + PROMISE_COLUMNS
                    + " from promise_to_pay where tenant_id = :t"
                    + by
                    + " order by created_at, id")
            .setParameter("t", tenantId);
    var q2 =
        em.createNativeQuery(
                "select "
                    + PLAN_COLUMNS
                    + " from payment_plan where tenant_id = :t"
                    + by
                    + " order by created_at, id")
            .setParameter("t", tenantId);
    if (customerId != null) {
      q1.setParameter("c", customerId);
      q2.setParameter("c", customerId);
    }
    ((List<Object[]>) q1.getResultList()).forEach(r -> out.add(promiseFrom(r)));
    ((List<Object[]>) q2.getResultList()).forEach(r -> out.add(planFrom(r)));
    return out;
  }

  @SuppressWarnings("unchecked")
  public CommitmentView promiseView(String tenantId, UUID id) {
    return ((List<Object[]>)
            em.createNativeQuery(
                    "select "
                        + PROMISE_COLUMNS
                        + " from promise_to_pay where tenant_id = :t and id = :id")
                .setParameter("t", tenantId)
                .setParameter("id", id)
                .getResultList())
        .stream()
            .findFirst()
            .map(CommitmentService::promiseFrom)
            .orElseThrow(() -> ProblemException.notFound("Promise", id));
  }

  @SuppressWarnings("unchecked")
  public CommitmentView planView(String tenantId, UUID id) {
    return ((List<Object[]>)
            em.createNativeQuery(
                    "select "
                        + PLAN_COLUMNS
                        + " from payment_plan where tenant_id = :t and id = :id")
                .setParameter("t", tenantId)
                .setParameter("id", id)
                .getResultList())
        .stream()
            .findFirst()
            .map(CommitmentService::planFrom)
            .orElseThrow(() -> ProblemException.notFound("Payment plan", id));
  }

  private static CommitmentView promiseFrom(Object[] r) {
    return new CommitmentView(
        (UUID) r[0],
        "PROMISE",
        (String) r[1],
        Json.read((String) r[2], Json.STRINGS),
        (String) r[4],
        Money.round((BigDecimal) r[3], (String) r[4]),
        Replica.date(r[5]),
        Replica.date(r[6]),
        ((Number) r[7]).intValue(),
        (String) r[8],
        Replica.date(r[9]),
        null,
        null,
        (String) r[10],
        (String) r[11]);
  }

  private static CommitmentView planFrom(Object[] r) {
    List<Instalment> inst = Json.read((String) r[5], INSTALMENTS);
    return new CommitmentView(
        (UUID) r[0],
        "PLAN",
        (String) r[1],
        Json.read((String) r[2], Json.STRINGS),
        (String) r[4],
        Money.round((BigDecimal) r[3], (String) r[4]),
        inst.get(inst.size() - 1).dueDate(),
        Replica.date(r[6]),
        ((Number) r[7]).intValue(),
        (String) r[8],
        Replica.date(r[9]),
        inst,
        (Boolean) r[12],
        (String) r[10],
        (String) r[11]);
  }

  private List<InvoiceFacts> invoicesOf(
      String tenantId, String customerId, List<String> ids, List<FieldError> errors) {
    if (ids == null || ids.isEmpty()) {
      errors.add(new FieldError("invoiceIds", "must list at least one invoice"));
      return List.of();
    }
    if (ids.size() > 200) {
      errors.add(new FieldError("invoiceIds", "must list at most 200 invoices"));
      return List.of();
    }
    List<InvoiceFacts> out = new ArrayList<>();
    Set<String> currencies = new LinkedHashSet<>();
    for (int k = 0; k < ids.size(); k++) {
      String id = ids.get(k);
      var invoice =
          id == null ? java.util.Optional.<InvoiceFacts>empty() : replica.invoice(tenantId, id);
      if (invoice.isEmpty() || !invoice.get().customerId().equals(customerId)) {
        errors.add(
            new FieldError("invoiceIds[" + k + "]", "is not an invoice of customer " + customerId));
      } else if (invoice.get().settled()) {
        errors.add(new FieldError("invoiceIds[" + k + "]", "has nothing left to pay"));
      } else if (out.stream().anyMatch(i -> i.invoiceId().equals(id))) {
        errors.add(new FieldError("invoiceIds[" + k + "]", "is listed twice"));
      } else {
        out.add(invoice.get());
        currencies.add(invoice.get().currency());
      }
    }
    if (currencies.size() > 1) {
      errors.add(new FieldError("invoiceIds", "must all be in one currency"));
    }
    return out;
  }

  private boolean activePromiseCovers(String tenantId, String invoiceId) {
    return ((Number)
                em.createNativeQuery(
                        "select count(*) from promise_to_pay where tenant_id = :t and status = 'ACTIVE'"
                            + " and invoice_ids like :pattern")
                    .setParameter("t", tenantId)
                    .setParameter("pattern", "%\"" + invoiceId + "\"%")
                    .getSingleResult())
            .intValue()
        > 0;
  }

  private boolean activePlanCovers(String tenantId, String invoiceId) {
    return ((Number)
                em.createNativeQuery(
                        "select count(*) from payment_plan where tenant_id = :t and status = 'ACTIVE'"
                            + " and invoice_ids like :pattern")
                    .setParameter("t", tenantId)
                    .setParameter("pattern", "%\"" + invoiceId + "\"%")
                    .getSingleResult())
            .intValue()
        > 0;
  }

  private static String numbers(List<InvoiceFacts> invoices) {
    return String.join(", ", invoices.stream().map(InvoiceFacts::number).toList());
  }
}
