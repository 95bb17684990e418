package org.receivables.dunning.run;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.receivables.dunning.channel.Formats;
import org.receivables.dunning.channel.LetterPdf;
import org.receivables.dunning.channel.MessageModel;
import org.receivables.dunning.channel.MessageRenderer;
import org.receivables.dunning.channel.SmsGateway;
import org.receivables.dunning.collect.ExpectedValue;
import org.receivables.dunning.commitment.CommitmentService;
import org.receivables.dunning.common.DunningConfig;
import org.receivables.dunning.common.Json;
import org.receivables.dunning.common.TenantProfile;
import org.receivables.dunning.common.TenantProfiles;
import org.receivables.dunning.interest.InterestService;
import org.receivables.dunning.interest.LateInterest;
import org.receivables.dunning.interest.RateTable;
import org.receivables.dunning.policy.Channel;
import org.receivables.dunning.policy.DunningPolicy;
import org.receivables.dunning.policy.PolicyService;
import org.receivables.dunning.policy.PolicyStep;
import org.receivables.dunning.policy.PolicyView;
import org.receivables.dunning.policy.StepAction;
import org.receivables.dunning.replica.Replica;
import org.receivables.events.CreditHoldRequested;
import org.receivables.events.DunningEscalated;
import org.receivables.events.Topics;
import org.receivables.kit.money.Money;
import org.receivables.kit.outbox.Outbox;
import org.receivables.kit.tenant.TenantScope;

/**
 * A dunning run for one tenant and date, in two phases. First, under a per-tenant lock and in one
 * transaction, it decides what is due (skip rules, policy, step, grouping) while the replica
 * streams the open invoices with their customers and steps taken in one query ({@link
 * RunSelection}), claims the steps in {@code step_claim} (primary key: never twice, whatever runs
 * or replicas race), renders every message and records tasks, escalations and events, all written
 * in batches ({@link RunWrites}): with a million open invoices a run is a few queries, not a few
 * per invoice. Then, outside that transaction, it sends the messages, a few at a time, each retried
 * and marked SENT only once the channel accepted it.
 */
@ApplicationScoped
public class RunService {

  private static final int LOCK_NAMESPACE = 7_000_007;
  private static final Logger LOG = Logger.getLogger(RunService.class);

  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject PolicyService policies;
  @Inject Replica replica;
  @Inject CommitmentService commitments;
  @Inject InterestService interest;
  @Inject TenantProfiles profiles;
  @Inject MessageRenderer renderer;
  @Inject SmsGateway sms;
  @Inject Outbox outbox;
  @Inject DunningConfig config;
  @Inject Dispatcher dispatcher;
  @Inject ReminderStore reminders;

  public RunView run(
      String tenantId, LocalDate asOf, boolean dryRun, String trigger, String actor) {
    policies.ensureDefaults(tenantId);
    if (!dryRun) {
      commitments.review(tenantId, asOf);
    }
    Planned planned =
        QuarkusTransaction.requiringNew()
            .timeout(600)
            .call(() -> plan(tenantId, asOf, dryRun, trigger, actor));
    if (dryRun) {
      return planned.view();
    }
    List<UUID> toSend = new ArrayList<>(planned.reminderIds());
    toSend.addAll(
        reminders.retryable(tenantId, config.send().maxTotalAttempts(), planned.reminderIds()));
    deliverAll(tenantId, toSend);
    return reminders.finish(planned.view().id(), planned.reminderIds());
  }

  /**
   * Sends the reminders, {@code dunning.send.concurrency} at a time. Each delivery takes its
   * reminder conditionally and has its own transactions, so parallel deliveries never send one
   * reminder twice. The sending threads serve no request: each is bound to the run's tenant.
   */
  private void deliverAll(String tenantId, List<UUID> ids) {
    int threads = Math.max(1, Math.min(config.send().concurrency(), ids.size()));
    if (threads == 1) {
      ids.forEach(dispatcher::deliver);
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> sends = new ArrayList<>(ids.size());
      for (UUID id : ids) {
        sends.add(pool.submit(() -> TenantScope.run(tenantId, () -> dispatcher.deliver(id))));
      }
      for (Future<?> send : sends) {
        try {
          send.get();
        } catch (ExecutionException e) {
          LOG.errorf(e.getCause(), "A reminder could not be delivered");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      pool.shutdownNow();
    }
  }

  /** The first phase's outcome: the run as recorded, and the reminders it must send. */
  record Planned(RunView view, List<UUID> reminderIds) {}

  Planned plan(String tenantId, LocalDate asOf, boolean dryRun, String trigger, String actor) {
    em.createNativeQuery("select pg_advisory_xact_lock(:ns, hashtext(:t))")
        .setParameter("ns", LOCK_NAMESPACE)
        .setParameter("t", tenantId)
        .getSingleResult();
    UUID runId = UUID.randomUUID();
    Instant started = Instant.now(clock);
    List<DunningPolicy> ladders =
        policies.current(tenantId).stream().map(PolicyView::toPolicy).toList();
    CommitmentService.Paused paused = commitments.paused(tenantId, asOf);
    RunSelection selection = new RunSelection(ladders, paused.promised(), paused.planned(), asOf);
    replica.forEachOpenInvoice(tenantId, asOf, selection);
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
    RateTable rates = interest.table(tenantId);
    TenantProfile profile = profiles.get(tenantId);
    Set<String> waived = commitments.feesWaived(tenantId);
    List<RunView.Action> actions = new ArrayList<>();
    List<UUID> created = new ArrayList<>();
    int tasks = 0;
    int escalations = 0;
    RunWrites writes = new RunWrites(em.unwrap(Session.class), tenantId, runId, started);
    List<Grouping.Group> groups = grouped.groups();
    Map<String, List<LateInterest.Movement>> movements = Map.of();
    if (!dryRun) {
      em.createNativeQuery(
              "insert into dunning_run (id, tenant_id, as_of, dry_run, trigger, started_at, started_by)"
                  + " values (:id, :t, :asOf, false, :trigger, :at, :by)")
          .setParameter("id", runId)
          .setParameter("t", tenantId)
          .setParameter("asOf", asOf)
          .setParameter("trigger", trigger)
          .setParameter("at", started)
          .setParameter("by", actor)
          .executeUpdate();
      groups = claim(writes, asOf, groups);
      movements = replica.movements(tenantId, chargedInvoices(groups));
    }
    for (Grouping.Group g : groups) {
      CustomerFacts customer = selection.customer(g.customerId());
      PolicyStep step = g.step();
      List<String> notes = new ArrayList<>();
      List<Channel> channels = channelsFor(step, customer, notes);
      if (!dryRun) {
        Letter letter =
            step.sends() ? content(g, customer, profile, asOf, rates, waived, movements) : null;
        for (Channel channel : channels) {
          created.add(reminders.stage(writes, tenantId, runId, g, channel, customer, letter, asOf));
        }
        if (step.has(StepAction.CALL_TASK)) {
          tasks++;
          callTask(writes, tenantId, runId, g, customer, asOf);
        }
        if (step.has(StepAction.FORMAL_NOTICE)) {
          escalations++;
          escalate(writes, tenantId, g, "FORMAL_NOTICE", asOf, "Formal notice (mise en demeure)");
        }
        if (step.has(StepAction.CREDIT_HOLD)) {
          if (customer.creditHold()) {
            notes.add("customer already on credit hold");
            writes.timeline(
                g.customerId(),
                "CREDIT_HOLD",
                "Credit hold step reached; customer already on hold",
                null,
                asOf);
          } else {
            outbox.record(
                Topics.DUNNING,
                new CreditHoldRequested(
                    tenantId,
                    g.customerId(),
                    "Dunning step " + step.code() + " on " + numbers(g),
                    asOf));
            writes.timeline(
                g.customerId(),
                "CREDIT_HOLD_REQUESTED",
                "Credit hold requested (" + step.name() + ") for " + numbers(g),
                null,
                asOf);
          }
        }
        if (step.has(StepAction.AGENCY)) {
          escalations++;
          agency(writes, tenantId, runId, g, asOf, rates, waived, movements);
          escalate(writes, tenantId, g, "AGENCY", asOf, "Handed over to the collection agency");
        }
        if (step.has(StepAction.LEGAL)) {
          escalations++;
          escalate(writes, tenantId, g, "LEGAL", asOf, "Handed over for legal proceedings");
        }
      }
      actions.add(
          new RunView.Action(
              g.customerId(),
              step.code(),
              step.name(),
              channels.stream().map(Enum::name).toList(),
              step.actions().stream().map(Enum::name).toList(),
              g.invoiceIds(),
              Money.round(g.total(), g.currency()),
              g.currency(),
              g.policy().id(),
              g.policy().version(),
              notes.isEmpty() ? null : notes));
      writes.flushIfFull();
    }
    if (!dryRun) {
      writes.flush();
      em.createNativeQuery(
              "update dunning_run set invoices_considered = :n, call_tasks_created = :tasks, escalations = :esc,"
                  + " skipped = :skipped where id = :id")
          .setParameter("n", selection.considered())
          .setParameter("tasks", tasks)
          .setParameter("esc", escalations)
          .setParameter("skipped", Json.write(skipped))
          .setParameter("id", runId)
          .executeUpdate();
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
            tasks,
            escalations,
            actions,
            skipped,
            dryRun ? null : List.of());
    return new Planned(view, created);
  }

  /**
   * Claims every group's invoices for its step in a few statements; returns, in the same order, the
   * part of each group this run won (groups it won nothing of are left out).
   */
  private List<Grouping.Group> claim(
      RunWrites writes, LocalDate asOf, List<Grouping.Group> groups) {
    List<RunWrites.Claim> claims = new ArrayList<>();
    for (Grouping.Group g : groups) {
      for (InvoiceFacts i : g.invoices()) {
        claims.add(new RunWrites.Claim(i.invoiceId(), g.step().code(), i.customerId()));
      }
    }
    Set<String> won = writes.claim(claims, asOf);
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

  /** The step's channels this customer can be reached on; e-mail falls back to a letter. */
  private List<Channel> channelsFor(PolicyStep step, CustomerFacts customer, List<String> notes) {
    List<Channel> out = new ArrayList<>();
    if (!step.sends()) {
      return out;
    }
    for (Channel c : step.channels()) {
      switch (c) {
        case EMAIL -> {
          if (customer.email() != null && !customer.email().isBlank()) {
            out.add(c);
          } else if (!step.channels().contains(Channel.LETTER)) {
            notes.add("no e-mail address: sent as a letter");
            out.add(Channel.LETTER);
          } else {
            notes.add("no e-mail address");
          }
        }
        case SMS -> {
          if (!sms.enabled()) {
            notes.add("SMS disabled");
          } else if (customer.phone() == null || customer.phone().isBlank()) {
            notes.add("no phone number for SMS");
          } else {
            out.add(c);
          }
        }
        case LETTER -> {
          if (!out.contains(Channel.LETTER)) {
            out.add(c);
          }
        }
      }
    }
    return out;
  }

  /** The figures and rendered texts of one communication, shared by its channels. */
  record Letter(
      MessageModel model,
      BigDecimal interest,
      BigDecimal indemnity,
      Map<String, BigDecimal[]> perInvoice) {}

  private Letter content(
      Grouping.Group g,
      CustomerFacts customer,
      TenantProfile profile,
      LocalDate asOf,
      RateTable rates,
      Set<String> waived,
      Map<String, List<LateInterest.Movement>> movements) {
    String lang = customer.lang();
    String cur = g.currency();
    boolean notice = g.step().has(StepAction.FORMAL_NOTICE);
    BigDecimal totalInterest = Money.zero(cur);
    BigDecimal totalIndemnity = Money.zero(cur);
    Map<String, BigDecimal[]> perInvoice = new HashMap<>();
    List<MessageModel.Row> rows = new ArrayList<>();
    for (InvoiceFacts i : g.invoices()) {
      BigDecimal in = Money.zero(cur);
      BigDecimal ind = Money.zero(cur);
      if (notice && !waived.contains(i.invoiceId())) {
        InterestService.Claim claim =
            interest.claim(
                i,
                movements.getOrDefault(i.invoiceId(), List.of()),
                g.policy().interestBasis(),
                g.policy().contractualRate(),
                asOf,
                rates);
        in = claim.interest();
        ind = claim.indemnity();
      }
      totalInterest = totalInterest.add(in);
      totalIndemnity = totalIndemnity.add(ind);
      perInvoice.put(i.invoiceId(), new BigDecimal[] {in, ind});
      long days = Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(i.dueDate(), asOf));
      String out = Formats.amount(Money.round(i.outstanding(), cur), cur, lang);
      String fixed =
          Formats.pad(i.number(), 14, false)
              + " "
              + Formats.pad(Formats.date(i.issueDate(), lang), 10, false)
              + " "
              + Formats.pad(Formats.date(i.dueDate(), lang), 10, false)
              + " "
              + Formats.pad(String.valueOf(days), 5, true)
              + " "
              + Formats.pad(out, 16, true)
              + " "
              + Formats.pad(notice ? Formats.amount(in, cur, lang) : "", 12, true);
      rows.add(
          new MessageModel.Row(
              i.number(),
              Formats.date(i.issueDate(), lang),
              Formats.date(i.dueDate(), lang),
              days,
              out,
              Formats.amount(in, cur, lang),
              Formats.amount(ind, cur, lang),
              fixed));
    }
    BigDecimal principal = Money.round(g.total(), cur);
    String basis =
        switch (g.policy().interestBasis()) {
          case FR_LEGAL -> "fr".equals(lang) ? "taux BCE + 10 points" : "ECB rate + 10 points";
          case EU_DIRECTIVE -> "fr".equals(lang) ? "taux BCE + 8 points" : "ECB rate + 8 points";
          case CONTRACTUAL ->
              ("fr".equals(lang) ? "taux contractuel " : "contractual rate ")
                  + g.policy().contractualRate().stripTrailingZeros().toPlainString()
                  + " %";
        };
    MessageModel model =
        new MessageModel(
            lang,
            g.step().template(),
            notice,
            customer.name() == null ? g.customerId() : customer.name(),
            g.customerId(),
            profile.creditorName(),
            profile.address(),
            profile.iban(),
            profile.bic(),
            profile.contactEmail(),
            profile.contactPhone(),
            Formats.date(asOf, lang),
            Formats.date(asOf.plusDays(config.formalNoticePayWithinDays()), lang),
            cur,
            rows,
            Formats.amount(principal, cur, lang),
            Formats.amount(totalInterest, cur, lang),
            Formats.amount(totalIndemnity, cur, lang),
            Formats.amount(principal.add(totalInterest).add(totalIndemnity), cur, lang),
            basis,
            String.join(" ", g.invoices().stream().map(InvoiceFacts::number).toList()));
    return new Letter(model, totalInterest, totalIndemnity, perInvoice);
  }

  private void callTask(
      RunWrites writes,
      String tenantId,
      UUID runId,
      Grouping.Group g,
      CustomerFacts customer,
      LocalDate asOf) {
    BigDecimal probability =
        ExpectedValue.probabilityOfCollecting(
            customer.probabilityOfDefault(), customer.riskClass());
    BigDecimal amount = Money.round(g.total(), g.currency());
    UUID id = UUID.randomUUID();
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

  private void agency(
      RunWrites writes,
      String tenantId,
      UUID runId,
      Grouping.Group g,
      LocalDate asOf,
      RateTable rates,
      Set<String> waived,
      Map<String, List<LateInterest.Movement>> movements) {
    BigDecimal in = Money.zero(g.currency());
    BigDecimal ind = Money.zero(g.currency());
    for (InvoiceFacts i : g.invoices()) {
      if (!waived.contains(i.invoiceId())) {
        InterestService.Claim c =
            interest.claim(
                i,
                movements.getOrDefault(i.invoiceId(), List.of()),
                g.policy().interestBasis(),
                g.policy().contractualRate(),
                asOf,
                rates);
        in = in.add(c.interest());
        ind = ind.add(c.indemnity());
      }
    }
    writes.handover(
        UUID.randomUUID(),
        tenantId,
        g.customerId(),
        runId,
        g.step().code(),
        Json.write(g.invoiceIds()),
        g.currency(),
        Money.round(g.total(), g.currency()),
        in,
        ind,
        asOf,
        Instant.now(clock));
  }

  private void escalate(
      RunWrites writes,
      String tenantId,
      Grouping.Group g,
      String action,
      LocalDate asOf,
      String what) {
    outbox.record(
        Topics.DUNNING,
        new DunningEscalated(
            tenantId, g.customerId(), g.invoiceIds(), g.step().code(), action, asOf));
    writes.timeline(g.customerId(), "ESCALATED_" + action, what + ": " + numbers(g), null, asOf);
  }

  static String numbers(Grouping.Group g) {
    return String.join(", ", g.invoices().stream().map(InvoiceFacts::number).toList());
  }

  /** Renders the letter PDF for a model; exposed for the reminder store. */
  public static byte[] pdf(MessageRenderer renderer, MessageModel model, String subject) {
    return LetterPdf.render(subject, renderer.letterText(model));
  }

  static Set<String> ids(List<InvoiceFacts> invoices) {
    Set<String> out = new HashSet<>();
    invoices.forEach(i -> out.add(i.invoiceId()));
    return out;
  }
}
