package org.receivables.dunning.run;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.receivables.dunning.common.Json;
import org.receivables.kit.jdbc.Columns;
import org.receivables.kit.jdbc.NamedRows;
import org.receivables.kit.money.Money;
import org.receivables.kit.page.Cursor;
import org.receivables.kit.page.Page;
import org.receivables.kit.problem.ProblemException;

/**
 * Reads runs and reminders back for the API: a run with what it did and skipped, reminders by
 * customer, invoice or run in keyset pages, and a reminder's rendered message or letter.
 */
@ApplicationScoped
public class RunQueries {

  private static final TypeReference<List<RunView.Skip>> SKIPS = new TypeReference<>() {};
  private static final TypeReference<List<RunView.Action>> ACTIONS = new TypeReference<>() {};
  private static final TypeReference<RunView.Action> ACTION = new TypeReference<>() {};
  static final String COLUMNS =
      "r.id, r.run_id, r.customer_id, r.step_code, r.step_name, r.channel, r.template, r.language, r.policy_id,"
          + " r.policy_version, r.as_of, r.amount, r.interest, r.indemnity, r.currency, r.recipient, r.subject, r.status,"
          + " r.attempts, r.last_error, r.created_at, r.sent_at";

  @Inject EntityManager em;

  /** A run's row, in select order. */
  record RunRow(
      UUID id,
      LocalDate asOf,
      boolean dryRun,
      String trigger,
      Instant startedAt,
      Instant finishedAt,
      int invoicesConsidered,
      int remindersSent,
      int remindersFailed,
      int callTasksCreated,
      int escalations,
      String actions,
      String skipped,
      String status,
      String failure,
      boolean planned) {}

  public RunView run(String tenantId, UUID runId) {
    RunRow r =
        NamedRows.first(
                em.createNativeQuery(
                        "select id, as_of, dry_run, trigger, started_at, finished_at, invoices_considered,"
                            + " reminders_sent, reminders_failed, call_tasks_created, escalations, actions,"
                            + " skipped, status, failure, planned from dunning_run where tenant_id = :t"
                            + " and id = :id",
                        Tuple.class)
                    .setParameter("t", tenantId)
                    .setParameter("id", runId),
                RunRow.class,
                Columns.Nulls.ZERO)
            .orElseThrow(() -> ProblemException.notFound("Run", runId));
    List<ReminderView> reminders =
        query(tenantId, " and r.run_id = :run", Map.of("run", runId), null, 1000).items();
    return new RunView(
        r.id(),
        r.asOf(),
        r.dryRun(),
        r.trigger(),
        r.startedAt(),
        r.finishedAt(),
        r.invoicesConsidered(),
        r.remindersSent(),
        r.remindersFailed(),
        r.callTasksCreated(),
        r.escalations(),
        Json.read(r.actions(), ACTIONS),
        Json.read(r.skipped(), SKIPS),
        reminders,
        r.status(),
        r.failure(),
        progress(runId, r.planned()));
  }

  /** Reminders of a run by status, in select order. */
  record Counts(int total, int pending, int sent, int failed) {}

  private RunView.Progress progress(UUID runId, boolean planned) {
    Counts c =
        NamedRows.first(
                em.createNativeQuery(
                        // a failed reminder back in the queue for another attempt is pending
                        "select count(*) as total, count(*) filter (where status in ('PENDING',"
                            + " 'SENDING') or (status = 'FAILED' and q.reminder_id is not null)) as"
                            + " pending, count(*) filter (where status = 'SENT') as sent, count(*)"
                            + " filter (where status = 'FAILED' and q.reminder_id is null) as failed"
                            + " from reminder r left join send_queue q on q.reminder_id = r.id"
                            + " where r.run_id = :id",
                        Tuple.class)
                    .setParameter("id", runId),
                Counts.class,
                Columns.Nulls.ZERO)
            .orElseThrow();
    return new RunView.Progress(planned, c.total(), c.pending(), c.sent(), c.failed());
  }

  /** An action with its position in the run's list, the page's key. */
  record ActionRow(long position, String action) {}

  /**
   * A run's actions in keyset pages (by their position in the run's list), so that a large run is
   * read a page at a time rather than in one body.
   */
  public Page<RunView.Action> actions(String tenantId, UUID runId, String cursor, int limit) {
    long after = 0;
    if (cursor != null) {
      try {
        after = Long.parseLong(Cursor.decode(cursor));
      } catch (NumberFormatException e) {
        throw ProblemException.invalid("cursor", "is not a cursor this API returned");
      }
    }
    boolean exists =
        !NamedRows.column(
                em.createNativeQuery("select 1 from dunning_run where tenant_id = :t and id = :id")
                    .setParameter("t", tenantId)
                    .setParameter("id", runId),
                Integer.class)
            .isEmpty();
    if (!exists) {
      throw ProblemException.notFound("Run", runId);
    }
    List<ActionRow> rows =
        NamedRows.list(
            em.createNativeQuery(
                    "select a.n as position, a.v::text as action from dunning_run r,"
                        + " jsonb_array_elements(r.actions::jsonb) with ordinality as a(v, n) where"
                        + " r.tenant_id = :t and r.id = :id and a.n > :after order by a.n limit"
                        + " :lim",
                    Tuple.class)
                .setParameter("t", tenantId)
                .setParameter("id", runId)
                .setParameter("after", after)
                .setParameter("lim", limit + 1),
            ActionRow.class,
            Columns.Nulls.ZERO);
    List<RunView.Action> actions =
        rows.stream().limit(limit).map(a -> Json.read(a.action(), ACTION)).toList();
    // the extra row only tells that more exist; the cursor is the last item's position
    return rows.size() <= limit
        ? new Page<>(actions, null)
        : new Page<>(actions, Cursor.encode(Long.toString(rows.get(limit - 1).position())));
  }

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
    List<RunView> views =
        NamedRows.column(q, UUID.class).stream().map(id -> run(tenantId, id)).toList();
    return Page.of(views, limit, v -> v.id().toString());
  }

  /** A reminder's row, in the order of {@link #COLUMNS}. */
  record ReminderRow(
      UUID id,
      UUID runId,
      String customerId,
      String stepCode,
      String stepName,
      String channel,
      String template,
      String language,
      UUID policyId,
      int policyVersion,
      LocalDate asOf,
      BigDecimal amount,
      BigDecimal interest,
      BigDecimal indemnity,
      String currency,
      String recipient,
      String subject,
      String status,
      int attempts,
      String lastError,
      Instant createdAt,
      Instant sentAt) {}

  /** One invoice line of a reminder. */
  record InvoiceLine(String invoiceId, String number) {}

  /** Reminders of a tenant, optionally of one customer or listing one invoice; oldest first. */
  public Page<ReminderView> query(
      String tenantId, String where, Map<String, Object> params, String cursor, int limit) {
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
                + " order by r.created_at, r.id::text limit :n",
            Tuple.class);
    q.setParameter("t", tenantId).setParameter("n", limit + 1);
    params.forEach(q::setParameter);
    if (key != null) {
      q.setParameter("afterAt", key[0]).setParameter("afterId", key[1]);
    }
    List<ReminderView> views =
        NamedRows.list(q, ReminderRow.class, Columns.Nulls.ZERO).stream().map(this::view).toList();
    return Page.of(views, limit, v -> v.createdAt().toString() + "|" + v.id());
  }

  private ReminderView view(ReminderRow r) {
    List<InvoiceLine> invoices =
        NamedRows.list(
            em.createNativeQuery(
                    "select invoice_id, number from reminder_invoice where reminder_id = :id order"
                        + " by due_date, number",
                    Tuple.class)
                .setParameter("id", r.id()),
            InvoiceLine.class,
            Columns.Nulls.ZERO);
    String cur = r.currency();
    return new ReminderView(
        r.id(),
        r.runId(),
        r.customerId(),
        invoices.stream().map(InvoiceLine::invoiceId).toList(),
        invoices.stream().map(InvoiceLine::number).toList(),
        r.stepCode(),
        r.stepName(),
        r.channel(),
        r.template(),
        r.language(),
        r.policyId(),
        r.policyVersion(),
        r.asOf(),
        Money.round(r.amount(), cur),
        r.interest() == null ? null : Money.round(r.interest(), cur),
        r.indemnity() == null ? null : Money.round(r.indemnity(), cur),
        cur,
        r.recipient(),
        r.subject(),
        r.status(),
        r.attempts(),
        r.lastError(),
        r.createdAt(),
        r.sentAt(),
        "LETTER".equals(r.channel())
            ? "/api/v1/dunning/reminders/" + r.id() + "/letter.pdf"
            : null);
  }

  public ReminderView get(String tenantId, UUID id) {
    return NamedRows.first(
            em.createNativeQuery(
                    "select " + COLUMNS + " from reminder r where r.tenant_id = :t and r.id = :id",
                    Tuple.class)
                .setParameter("t", tenantId)
                .setParameter("id", id),
            ReminderRow.class,
            Columns.Nulls.ZERO)
        .map(this::view)
        .orElseThrow(() -> ProblemException.notFound("Reminder", id));
  }

  /** A reminder's rendered message: HTML for e-mail, text otherwise, and the letter's PDF. */
  public record Content(String channel, String text, byte[] document) {}

  /** The rendered content (HTML, SMS text or letter text) or the letter PDF. */
  public Content content(String tenantId, UUID id) {
    return NamedRows.first(
            em.createNativeQuery(
                    "select channel, content as text, document from reminder where tenant_id = :t"
                        + " and id = :id",
                    Tuple.class)
                .setParameter("t", tenantId)
                .setParameter("id", id),
            Content.class,
            Columns.Nulls.ZERO)
        .orElseThrow(() -> ProblemException.notFound("Reminder", id));
  }
}
