package org.receivables.dunning.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.receivables.dunning.collect.ExpectedValue;
import org.receivables.dunning.common.Json;
import org.receivables.dunning.policy.PolicyStep;
import org.receivables.dunning.replica.CustomerFacts;
import org.receivables.events.CreditHoldRequested;
import org.receivables.events.DunningEscalated;
import org.receivables.events.Topics;
import org.receivables.kit.money.Money;
import org.receivables.kit.outbox.Outbox;

/**
 * What a step does besides sending: a call task for the collectors, an escalation (formal notice,
 * agency, court) published and put on the timeline, a credit hold asked of scoring, a hand-over
 * recorded for the agency. Rows go into the run's batched writes; events into the outbox, in the
 * run's transaction.
 */
@ApplicationScoped
public class StepEffects {

  @Inject Outbox outbox;
  @Inject Clock clock;

  void callTask(
      RunWrites writes, String tenantId, UUID runId, Grouping.Group g, CustomerFacts customer) {
    BigDecimal probability =
        ExpectedValue.probabilityOfCollecting(
            customer.probabilityOfDefault(), customer.riskClass());
    BigDecimal amount = Money.round(g.total(), g.currency());
    UUID id = UUID.randomUUID();
    LocalDate asOf = writes.asOf();
    writes.callTask(
        id,
        tenantId,
        g.customerId(),
        runId,
        g.step().code(),
        Json.write(g.invoiceIds()),
        g.currency(),
        amount,
        probability,
        ExpectedValue.of(amount, probability),
        asOf,
        Instant.now(clock));
    writes.timeline(
        g.customerId(),
        "CALL_TASK",
        "Call task created for "
            + numbers(g)
            + " ("
            + amount.toPlainString()
            + " "
            + g.currency()
            + ")",
        id.toString(),
        asOf);
  }

  /** Asks for a credit hold, unless the customer is on hold already; returns a note if so. */
  String creditHold(RunWrites writes, String tenantId, Grouping.Group g, CustomerFacts customer) {
    PolicyStep step = g.step();
    LocalDate asOf = writes.asOf();
    if (customer.creditHold()) {
      writes.timeline(
          g.customerId(),
          "CREDIT_HOLD",
          "Credit hold step reached; customer already on hold",
          null,
          asOf);
      return "customer already on credit hold";
    }
    outbox.record(
        Topics.DUNNING,
        new CreditHoldRequested(
            tenantId, g.customerId(), "Dunning step " + step.code() + " on " + numbers(g), asOf));
    writes.timeline(
        g.customerId(),
        "CREDIT_HOLD_REQUESTED",
        "Credit hold requested (" + step.name() + ") for " + numbers(g),
        null,
        asOf);
    return null;
  }

  void handover(
      RunWrites writes, String tenantId, UUID runId, Grouping.Group g, LetterComposer.Fees fees) {
    writes.handover(
        UUID.randomUUID(),
        tenantId,
        g.customerId(),
        runId,
        g.step().code(),
        Json.write(g.invoiceIds()),
        g.currency(),
        Money.round(g.total(), g.currency()),
        fees.interest(),
        fees.indemnity(),
        writes.asOf(),
        Instant.now(clock));
  }

  void escalate(RunWrites writes, String tenantId, Grouping.Group g, String action, String what) {
    LocalDate asOf = writes.asOf();
    outbox.record(
        Topics.DUNNING,
        new DunningEscalated(
            tenantId, g.customerId(), g.invoiceIds(), g.step().code(), action, asOf));
    writes.timeline(g.customerId(), "ESCALATED_" + action, what + ": " + numbers(g), null, asOf);
  }

  static String numbers(Grouping.Group g) {
    return String.join(", ", g.invoices().stream().map(i -> i.number()).toList());
  }
}
