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
import org.receivables.events.PromiseMade;
import org.receivables.events.Topics;
import org.receivables.kit.money.Money;
import org.receivables.kit.outbox.Outbox;
import org.receivables.kit.problem.Problem.FieldError;
import org.receivables.kit.problem.ProblemException;

/**
 * Records a customer's promise to pay once its invoices are checked: it pauses dunning on them
 * until {@link CommitmentReview} finds it kept or broken. Published and written to the timeline.
 */
@ApplicationScoped
public class PromiseService {

  static final int MAX_PROMISE_DAYS = 180;

  @Inject PromiseRepository promises;
  @Inject CommitmentInvoices invoices;
  @Inject Outbox outbox;
  @Inject Timeline timeline;
  @Inject Clock clock;
  @Inject DunningConfig config;
  @Inject Validator validator;

  @Transactional
  public CommitmentView promise(String tenantId, PromiseRequest r, String actor, LocalDate today) {
    if (r == null) {
      throw ProblemException.invalid("body", "is required");
    }
    String customerId = Params.ref("customerId", r.customerId(), true);
    List<FieldError> errors = new ArrayList<>(Violations.of(validator, r));
    LocalDate madeOn = r.madeOn() == null ? today : r.madeOn();
    int grace = r.graceDays() == null ? config.promiseGraceDays() : r.graceDays();
    if (r.promisedFor() != null && r.promisedFor().isBefore(madeOn)) {
      errors.add(
          new FieldError(
              "promisedFor", "must not be before the day the promise is made (" + madeOn + ")"));
    } else if (r.promisedFor() != null
        && r.promisedFor().isAfter(madeOn.plusDays(MAX_PROMISE_DAYS))) {
      errors.add(
          new FieldError(
              "promisedFor",
              "must be within " + MAX_PROMISE_DAYS + " days; agree a payment plan instead"));
    }
    List<InvoiceFacts> listed = invoices.of(tenantId, customerId, r.invoiceIds(), errors);
    if (!errors.isEmpty()) {
      throw Params.invalid(errors);
    }
    String currency = listed.get(0).currency();
    BigDecimal owed =
        listed.stream().map(InvoiceFacts::outstanding).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (!Money.fitsMinorUnits(r.amount(), currency)) {
      throw ProblemException.invalid("amount", "has more decimals than " + currency + " allows");
    }
    if (r.amount().compareTo(owed) > 0) {
      throw ProblemException.invalid(
          "amount", "exceeds what is owed on the invoices (" + owed.toPlainString() + ")");
    }
    promises.refuseCovered(tenantId, listed, "promise to pay");
    Promise p = new Promise();
    p.open(tenantId, customerId, listed, grace, r.note(), actor, Instant.now(clock));
    p.amount = r.amount();
    p.promisedFor = r.promisedFor();
    p.madeOn = madeOn;
    promises.persist(p);
    BigDecimal amount = Money.round(r.amount(), currency);
    outbox.record(
        Topics.DUNNING,
        new PromiseMade(
            tenantId,
            customerId,
            p.id.toString(),
            List.copyOf(p.invoiceIds),
            amount,
            currency,
            r.promisedFor()));
    timeline.record(
        tenantId,
        customerId,
        "PROMISE_MADE",
        actor,
        "Promise to pay "
            + amount.toPlainString()
            + " "
            + currency
            + " by "
            + r.promisedFor()
            + " on "
            + CommitmentInvoices.numbers(listed)
            + (r.note() == null ? "" : ": " + r.note()),
        p.id.toString(),
        madeOn);
    return p.view();
  }

  public CommitmentView view(String tenantId, UUID id) {
    return promises
        .find(tenantId, id)
        .map(Promise::view)
        .orElseThrow(() -> ProblemException.notFound("Promise", id));
  }
}
