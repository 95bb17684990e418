package org.receivables.dunning.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.receivables.dunning.commitment.CommitmentReview;
import org.receivables.dunning.common.TenantProfiles;
import org.receivables.dunning.interest.InterestService;
import org.receivables.dunning.policy.Channel;
import org.receivables.dunning.policy.DunningPolicy;
import org.receivables.dunning.policy.PolicyService;
import org.receivables.dunning.policy.PolicyStep;
import org.receivables.dunning.policy.PolicyView;
import org.receivables.dunning.policy.StepAction;
import org.receivables.dunning.replica.CustomerFacts;
import org.receivables.dunning.replica.InvoiceFacts;
import org.receivables.dunning.replica.Movement;
import org.receivables.dunning.replica.Replica;
import org.receivables.kit.money.Money;

/**
 * The first phase of a run, in one transaction under the tenant's run lock: it decides what is due
 * set-based in SQL (skip rules, policy, step: {@link DueInvoices}), then groups the candidates
 * ({@link Grouping}, minimum amounts), claims the steps (never twice, whatever runs race), composes
 * every message ({@link LetterComposer}) and stages reminders, tasks, escalations and events, all
 * written in batches ({@link RunWrites}): with a million open invoices a run is a few queries, not
 * a few per invoice. A dry run decides the same and writes nothing.
 */
@ApplicationScoped
public class RunPlanner {

  @Inject Clock clock;
  @Inject PolicyService policies;
  @Inject Replica replica;
  @Inject DueInvoices due;
  @Inject CommitmentReview commitments;
  @Inject InterestService interest;
  @Inject TenantProfiles profiles;
  @Inject LetterComposer composer;
  @Inject StepEffects effects;
  @Inject ChannelChoice channels;
  @Inject RunRepository runs;
  @Inject ReminderStore reminders;

  /** The first phase's outcome: the run as recorded, and the reminders it must send. */
  record Planned(RunView view, List<UUID> reminderIds) {}

  /** Counts of what the run did besides messages. */
  private static final class Tally {
    int tasks;
    int escalations;
  }

  Planned plan(String tenantId, LocalDate asOf, boolean dryRun, String trigger, String actor) {
    return plan(tenantId, asOf, dryRun, trigger, actor, null);
  }

  /**
   * Plans a run; {@code accepted} is the id of a run already stored RUNNING by an asynchronous
   * request (null for a new one), marked planned in this transaction.
   */
  Planned plan(
      String tenantId,
      LocalDate asOf,
      boolean dryRun,
      String trigger,
      String actor,
      UUID accepted) {
    runs.lock(tenantId);
    UUID runId = accepted == null ? UUID.randomUUID() : accepted;
    Instant started = Instant.now(clock);
    List<DunningPolicy> ladders =
        policies.current(tenantId).stream().map(PolicyView::toPolicy).toList();
    CommitmentReview.Paused paused = commitments.paused(tenantId, asOf);
    Decision selection = due.decide(tenantId, asOf, ladders, paused.promised(), paused.planned());
    List<RunView.Skip> skipped = new ArrayList<>(selection.skipped());
    Grouping.Result grouped = Grouping.group(selection.candidates());
    for (Grouping.Group g : grouped.underMinimum()) {
      g.invoices()
          .forEach(
              i ->
                  skipped.add(
                      new RunView.Skip(
                          i.invoiceId(), i.customerId(), SkipReason.UNDER_MINIMUM.name())));
    }
    RunWrites writes = runs.writes(tenantId, runId, started, asOf);
    List<Grouping.Group> groups = grouped.groups();
    Map<String, List<Movement>> movements = Map.of();
    if (!dryRun) {
      if (accepted == null) {
        runs.start(runId, tenantId, asOf, trigger, started, actor);
      } else {
        runs.markPlanned(runId);
      }
      groups = claim(writes, groups);
      movements = replica.movements(tenantId, chargedInvoices(groups));
    }
    LetterComposer.Context letters =
        new LetterComposer.Context(
            profiles.get(tenantId),
            asOf,
            interest.table(tenantId),
            commitments.feesWaived(tenantId),
            movements);
    List<RunView.Action> actions = new ArrayList<>();
    List<UUID> created = new ArrayList<>();
    Tally tally = new Tally();
    for (Grouping.Group g : groups) {
      CustomerFacts customer = selection.customer(g.customerId());
      List<String> notes = new ArrayList<>();
      List<Channel> reached = channels.reachable(g.step(), customer, notes);
      if (!dryRun) {
        created.addAll(apply(writes, tenantId, runId, g, customer, reached, letters, notes, tally));
      }
      actions.add(action(g, reached, notes));
      writes.flushIfFull();
    }
    if (!dryRun) {
      writes.flush();
      runs.planned(runId, selection.considered(), tally.tasks, tally.escalations, skipped);
      reminders.rememberActions(runId, actions);
    }
    RunView view =
        new RunView(
            dryRun ? null : runId,
            asOf,
            dryRun,
            trigger,
            started,
            dryRun ? Instant.now(clock) : null,
            selection.considered(),
            0,
            0,
            tally.tasks,
            tally.escalations,
            actions,
            skipped,
            dryRun ? null : List.of(),
            dryRun ? "COMPLETED" : "RUNNING",
            null,
            null);
    return new Planned(view, created);
  }

  /** Stages one group's messages and effects; returns the reminders to send. */
  private List<UUID> apply(
      RunWrites writes,
      String tenantId,
      UUID runId,
      Grouping.Group g,
      CustomerFacts customer,
      List<Channel> reached,
      LetterComposer.Context letters,
      List<String> notes,
      Tally tally) {
    PolicyStep step = g.step();
    List<UUID> created = new ArrayList<>();
    LetterComposer.Letter letter = step.sends() ? composer.compose(g, customer, letters) : null;
    for (Channel channel : reached) {
      created.add(
          reminders.stage(writes, tenantId, runId, g, channel, customer, letter, letters.asOf()));
    }
    if (step.has(StepAction.CALL_TASK)) {
      tally.tasks++;
      effects.callTask(writes, tenantId, runId, g, customer);
    }
    if (step.has(StepAction.FORMAL_NOTICE)) {
      tally.escalations++;
      effects.escalate(writes, tenantId, g, "FORMAL_NOTICE", "Formal notice (mise en demeure)");
    }
    if (step.has(StepAction.CREDIT_HOLD)) {
      String note = effects.creditHold(writes, tenantId, g, customer);
      if (note != null) {
        notes.add(note);
      }
    }
    if (step.has(StepAction.AGENCY)) {
      tally.escalations++;
      effects.handover(writes, tenantId, runId, g, composer.handoverFees(g, letters));
      effects.escalate(writes, tenantId, g, "AGENCY", "Handed over to the collection agency");
    }
    if (step.has(StepAction.LEGAL)) {
      tally.escalations++;
      effects.escalate(writes, tenantId, g, "LEGAL", "Handed over for legal proceedings");
    }
    return created;
  }

  private static RunView.Action action(
      Grouping.Group g, List<Channel> reached, List<String> notes) {
    PolicyStep step = g.step();
    return new RunView.Action(
        g.customerId(),
        step.code(),
        step.name(),
        reached.stream().map(Enum::name).toList(),
        step.actions().stream().map(Enum::name).toList(),
        g.invoiceIds(),
        Money.round(g.total(), g.currency()),
        g.currency(),
        g.policy().id(),
        g.policy().version(),
        notes.isEmpty() ? null : notes);
  }

  /**
   * Claims every group's invoices for its step in a few statements; returns, in the same order, the
   * part of each group this run won (groups it won nothing of are left out).
   */
  private static List<Grouping.Group> claim(RunWrites writes, List<Grouping.Group> groups) {
    List<RunWrites.Claim> claims = new ArrayList<>();
    for (Grouping.Group g : groups) {
      for (InvoiceFacts i : g.invoices()) {
        claims.add(new RunWrites.Claim(i.invoiceId(), g.step().code(), i.customerId()));
      }
    }
    Set<String> won = writes.claim(claims, writes.asOf());
    List<Grouping.Group> out = new ArrayList<>(groups.size());
    for (Grouping.Group g : groups) {
      List<InvoiceFacts> mine =
          g.invoices().stream()
              .filter(
                  i ->
                      won.contains(new RunWrites.Claim(i.invoiceId(), g.step().code(), null).key()))
              .toList();
      if (!mine.isEmpty()) {
        out.add(new Grouping.Group(g.customerId(), g.policy(), g.step(), g.currency(), mine));
      }
    }
    return out;
  }

  /** Invoices on which the run claims interest: those of formal notices and agency hand-overs. */
  private static List<String> chargedInvoices(List<Grouping.Group> groups) {
    List<String> ids = new ArrayList<>();
    for (Grouping.Group g : groups) {
      if ((g.step().sends() && g.step().has(StepAction.FORMAL_NOTICE))
          || g.step().has(StepAction.AGENCY)) {
        ids.addAll(g.invoiceIds());
      }
    }
    return ids;
  }
}
