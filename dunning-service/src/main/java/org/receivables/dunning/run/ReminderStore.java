package org.receivables.dunning.run;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.receivables.dunning.channel.MessageRenderer;
import org.receivables.dunning.common.Json;
import org.receivables.dunning.policy.Channel;
import org.receivables.dunning.policy.PolicyService;
import org.receivables.dunning.replica.Replica;
import org.receivables.kit.money.Money;
import org.receivables.kit.page.Cursor;
import org.receivables.kit.page.Page;
import org.receivables.kit.problem.ProblemException;

/** Reminders and runs as stored: created rendered, sent later, read back by the API. */
@ApplicationScoped
public class ReminderStore {

  private static final TypeReference<List<RunView.Skip>> SKIPS = new TypeReference<>() {};
  private static final TypeReference<List<RunView.Action>> ACTIONS = new TypeReference<>() {};
  static final String COLUMNS =
      "r.id, r.run_id, r.customer_id, r.step_code, r.step_name, r.channel, r.template, r.language, r.policy_id,"
          + " r.policy_version, r.as_of, r.amount, r.interest, r.indemnity, r.currency, r.recipient, r.subject, r.status,"
          + " r.attempts, r.last_error, r.created_at, r.sent_at";

  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject MessageRenderer renderer;

  /**
   * Renders one message and stages it, PENDING, with the invoices it lists, in the run's writes
   * (written with the run's claims, in its transaction).
   */
  UUID stage(
      RunWrites writes,
      String tenantId,
      UUID runId,
      Grouping.Group g,
      Channel channel,
      CustomerFacts customer,
      RunService.Letter letter,
      LocalDate asOf) {
    UUID id = UUID.randomUUID();
    String subject = renderer.subject(letter.model());
    String recipient;
    String content;
    byte[] document = null;
    switch (channel) {
      case EMAIL -> {
        recipient = customer.email();
        content = renderer.mailHtml(letter.model());
      }
      case SMS -> {
        recipient = customer.phone();
        content = renderer.sms(letter.model());
      }
      default -> {
        recipient = customer.name() == null ? customer.customerId() : customer.name();
        content = renderer.letterText(letter.model());
        document = org.receivables.dunning.channel.LetterPdf.render(subject, content);
      }
    }
    boolean notice = letter.model().formalNotice();
    writes.reminder(
        id,
        tenantId,
        runId,
        g.customerId(),
        g.step().code(),
        g.step().name(),
        channel.name(),
        g.step().template(),
        letter.model().lang(),
        g.policy().id(),
        g.policy().version(),
        asOf,
        g.currency(),
        Money.round(g.total(), g.currency()),
        notice ? letter.interest() : BigDecimal.ZERO,
        notice ? letter.indemnity() : BigDecimal.ZERO,
        recipient,
        subject,
        content,
        document == null ? new byte[0] : document,
        Instant.now(clock));
    for (InvoiceFacts i : g.invoices()) {
      BigDecimal[] fees = letter.perInvoice().get(i.invoiceId());
      writes.reminderInvoice(
          id,
          i.invoiceId(),
          i.number(),
          i.issueDate(),
          i.dueDate(),
          (int) ChronoUnit.DAYS.between(i.dueDate(), asOf),
          i.total(),
          i.outstanding(),
          fees[0],
          fees[1]);
    }
    return id;
  }

  /**
   * Earlier reminders of the tenant still to send: those that failed and may be tried again, and
   * those left PENDING by a run that stopped between storing and sending them (a crash, a restart):
   * their steps are claimed, so no later run would create them again. A run still sending its own
   * cannot send one twice: each delivery takes its reminder conditionally.
   */
  @SuppressWarnings("unchecked")
  public List<UUID> retryable(String tenantId, int maxTotalAttempts, Collection<UUID> except) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((List<UUID>)
                        em.createNativeQuery(
                                "select id from reminder where tenant_id = :t and (status = 'PENDING' or (status ="
                                    + " 'FAILED' and attempts < :max)) order by created_at")
                            .setParameter("t", tenantId)
                            .setParameter("max", maxTotalAttempts)
                            .getResultList())
                    .stream().filter(id -> !except.contains(id)).toList());
  }

  @Transactional
  public void rememberActions(UUID runId, List<RunView.Action> actions) {
    // a run over a large book has tens of thousands of actions: sent as UTF-8 bytes, decoded by
    // the server, so the service never holds the text as a Java string
    em.createNativeQuery("update dunning_run set actions = convert_from(:a, 'UTF8') where id = :id")
        .setParameter("a", Json.writeBytes(actions))
        .setParameter("id", runId)
        .executeUpdate();
  }

  /** Closes a run: counts what was sent and failed. */
  public RunView finish(UUID runId, List<UUID> reminderIds) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              // the run's reminders are exactly those it created: count them in one query
              int sent = 0;
              int failed = 0;
              if (!reminderIds.isEmpty()) {
                Object[] counts =
                    (Object[])
                        em.createNativeQuery(
                                "select count(*) filter (where status = 'SENT'), count(*) filter"
                                    + " (where status = 'FAILED') from reminder where run_id = :id")
                            .setParameter("id", runId)
                            .getSingleResult();
                sent = ((Number) counts[0]).intValue();
                failed = ((Number) counts[1]).intValue();
              }
              em.createNativeQuery(
                      "update dunning_run set reminders_sent = :s, reminders_failed = :f, finished_at = :at"
                          + " where id = :id")
                  .setParameter("s", sent)
                  .setParameter("f", failed)
                  .setParameter("at", Instant.now(clock))
                  .setParameter("id", runId)
                  .executeUpdate();
              String tenant =
                  (String)
                      em.createNativeQuery("select tenant_id from dunning_run where id = :id")
                          .setParameter("id", runId)
                          .getSingleResult();
              return run(tenant, runId);
            });
  }

  @SuppressWarnings("unchecked")
  public RunView run(String tenantId, UUID runId) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select id, as_of, dry_run, trigger, started_at, finished_at, invoices_considered, reminders_sent,"
                    + " reminders_failed, call_tasks_created, escalations, actions, skipped from dunning_run"
                    + " where tenant_id = :t and id = :id")
            .setParameter("t", tenantId)
            .setParameter("id", runId)
            .getResultList();
    if (rows.isEmpty()) {
      throw ProblemException.notFound("Run", runId);
    }
    Object[] r = rows.get(0);
    List<ReminderView> reminders =
        query(tenantId, " and r.run_id = :run", java.util.Map.of("run", runId), null, 1000).items();
    return new RunView(
        (UUID) r[0],
        Replica.date(r[1]),
        (Boolean) r[2],
        (String) r[3],
        PolicyService.instant(r[4]),
        PolicyService.instant(r[5]),
        ((Number) r[6]).intValue(),
        ((Number) r[7]).intValue(),
        ((Number) r[8]).intValue(),
        ((Number) r[9]).intValue(),
        ((Number) r[10]).intValue(),
        Json.read((String) r[11], ACTIONS),
        Json.read((String) r[12], SKIPS),
        reminders);
  }

  @SuppressWarnings("unchecked")
  public Page<RunView> runs(String tenantId, String cursor, int limit) {
    String after = cursor == null ? null : Cursor.decode(cursor);
    var q =
        em.createNativeQuery(
                "select id from dunning_run where tenant_id = :t"
                    + (after == null ? "" : " and id::text > :after")
                    + " order by id::text limit :n")
            .setParameter("t", tenantId)
            .setParameter("n", limit + 1);
    if (after != null) {
      q.setParameter("after", after);
    }
    List<UUID> ids = q.getResultList();
    List<RunView> views = ids.stream().map(id -> run(tenantId, id)).toList();
    return Page.of(views, limit, v -> v.id().toString());
  }

  /** Reminders of a tenant, optionally of one customer or listing one invoice; oldest first. */
  @SuppressWarnings("unchecked")
  public Page<ReminderView> query(
      String tenantId,
      String where,
      java.util.Map<String, Object> params,
      String cursor,
      int limit) {
    String after = cursor == null ? null : Cursor.decode(cursor);
    String[] key = after == null ? null : after.split("\\|", 2);
    if (key != null && key.length != 2) {
      throw ProblemException.invalid("cursor", "is not a cursor this API returned");
    }
    var q =
        em.createNativeQuery(
            "select "
                + COLUMNS
                + " from reminder r where r.tenant_id = :t"
                + where
                + (key == null
                    ? ""
                    : " and (r.created_at, r.id::text) > (cast(:afterAt as timestamptz), :afterId)")
                + " order by r.created_at, r.id::text limit :n");
    q.setParameter("t", tenantId).setParameter("n", limit + 1);
    params.forEach(q::setParameter);
    if (key != null) {
      q.setParameter("afterAt", key[0]).setParameter("afterId", key[1]);
    }
    List<ReminderView> views = new ArrayList<>();
    for (Object[] r : (List<Object[]>) q.getResultList()) {
      views.add(view(r));
    }
    return Page.of(views, limit, v -> v.createdAt().toString() + "|" + v.id());
  }

  @SuppressWarnings("unchecked")
  private ReminderView view(Object[] r) {
    UUID id = (UUID) r[0];
    List<Object[]> invoices =
        em.createNativeQuery(
                "select invoice_id, number from reminder_invoice where reminder_id = :id order by due_date, number")
            .setParameter("id", id)
            .getResultList();
    String cur = (String) r[14];
    String channel = (String) r[5];
    return new ReminderView(
        id,
        (UUID) r[1],
        (String) r[2],
        invoices.stream().map(x -> (String) x[0]).toList(),
        invoices.stream().map(x -> (String) x[1]).toList(),
        (String) r[3],
        (String) r[4],
        channel,
        (String) r[6],
        (String) r[7],
        (UUID) r[8],
        ((Number) r[9]).intValue(),
        Replica.date(r[10]),
        Money.round((BigDecimal) r[11], cur),
        r[12] == null ? null : Money.round((BigDecimal) r[12], cur),
        r[13] == null ? null : Money.round((BigDecimal) r[13], cur),
        cur,
        (String) r[15],
        (String) r[16],
        (String) r[17],
        ((Number) r[18]).intValue(),
        (String) r[19],
        PolicyService.instant(r[20]),
        PolicyService.instant(r[21]),
        "LETTER".equals(channel) ? "/api/v1/dunning/reminders/" + id + "/letter.pdf" : null);
  }

  @SuppressWarnings("unchecked")
  public ReminderView get(String tenantId, UUID id) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select " + COLUMNS + " from reminder r where r.tenant_id = :t and r.id = :id")
            .setParameter("t", tenantId)
            .setParameter("id", id)
            .getResultList();
    if (rows.isEmpty()) {
      throw ProblemException.notFound("Reminder", id);
    }
    return view(rows.get(0));
  }

  /** The rendered content (HTML, SMS text or letter text) or the letter PDF. */
  @SuppressWarnings("unchecked")
  public Object[] content(String tenantId, UUID id) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select channel, content, document from reminder where tenant_id = :t and id = :id")
            .setParameter("t", tenantId)
            .setParameter("id", id)
            .getResultList();
    if (rows.isEmpty()) {
      throw ProblemException.notFound("Reminder", id);
    }
    return rows.get(0);
  }
}
