package org.receivables.dunning.run;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.receivables.dunning.timeline.Timeline;
import org.receivables.kit.jdbc.Columns;
import org.receivables.kit.jdbc.JdbcBatch;
import org.receivables.kit.jdbc.NamedRows;

/**
 * What a run writes, sent to PostgreSQL in batches rather than one statement per row: a run over a
 * large book claims tens of thousands of steps and writes as many reminders, tasks and timeline
 * entries, and one round trip per row would cost more than everything else. Rows are collected by
 * the run and written by {@link #flush} in the run's transaction; claims are written at once, since
 * the run needs to know which it won.
 */
final class RunWrites {

  private static final int CHUNK = 2_000;

  private final Session session;
  private final String tenantId;
  private final UUID runId;
  private final Instant at;
  private final LocalDate asOf;
  private final List<Object[]> reminders = new ArrayList<>();
  private final List<Object[]> reminderInvoices = new ArrayList<>();
  private final List<Object[]> queued = new ArrayList<>();
  private final List<Object[]> callTasks = new ArrayList<>();
  private final List<Object[]> handovers = new ArrayList<>();
  private final List<Timeline.Entry> timeline = new ArrayList<>();

  RunWrites(Session session, String tenantId, UUID runId, Instant at, LocalDate asOf) {
    this.session = session;
    this.tenantId = tenantId;
    this.runId = runId;
    this.at = at;
    this.asOf = asOf;
  }

  /** The date the run is for. */
  LocalDate asOf() {
    return asOf;
  }

  /** A step to claim on an invoice. */
  record Claim(String invoiceId, String stepCode, String customerId) {
    String key() {
      return invoiceId + "\n" + stepCode;
    }
  }

  /**
   * Claims the steps (primary key: a step is never taken twice on an invoice, whatever runs or
   * replicas race) and returns the keys ({@link Claim#key}) of those this run won.
   */
  Set<String> claim(List<Claim> claims, LocalDate asOf) {
    Set<String> won = new HashSet<>();
    session.doWork(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into step_claim (tenant_id, invoice_id, step_code, run_id, customer_id,"
                      + " as_of, claimed_at) select ?, u.i, u.s, ?, u.c, ?, ? from unnest(?, ?, ?)"
                      + " as u(i, s, c) on conflict do nothing returning invoice_id, step_code,"
                      + " customer_id")) {
            for (int from = 0; from < claims.size(); from += CHUNK) {
              List<Claim> part = claims.subList(from, Math.min(claims.size(), from + CHUNK));
              ps.setString(1, tenantId);
              ps.setObject(2, runId);
              ps.setObject(3, asOf);
              ps.setTimestamp(4, Timestamp.from(at));
              ps.setArray(5, texts(c, part.stream().map(Claim::invoiceId).toList()));
              ps.setArray(6, texts(c, part.stream().map(Claim::stepCode).toList()));
              ps.setArray(7, texts(c, part.stream().map(Claim::customerId).toList()));
              try (ResultSet rs = ps.executeQuery()) {
                NamedRows.RowReader<Claim> rows =
                    NamedRows.reader(rs, Claim.class, Columns.Nulls.FAIL);
                while (rs.next()) {
                  won.add(rows.read().key());
                }
              }
            }
          }
        });
    return won;
  }

  void reminder(Object... columns) {
    reminders.add(columns);
  }

  /** Queues a staged reminder for the senders ({@link SendQueue}), due at once. */
  void queue(UUID reminderId) {
    queued.add(new Object[] {reminderId, tenantId, runId, Timestamp.from(at)});
  }

  void reminderInvoice(Object... columns) {
    reminderInvoices.add(columns);
  }

  void callTask(Object... columns) {
    callTasks.add(columns);
  }

  void handover(Object... columns) {
    handovers.add(columns);
  }

  /** A timeline entry of the run's tenant, written by the system at the run's time. */
  void timeline(String customerId, String kind, String summary, String refId, LocalDate onDate) {
    timeline.add(new Timeline.Entry(customerId, kind, summary, refId, onDate));
  }

  /**
   * Writes the collected rows once there are enough for full batches: rendered messages and letters
   * take kilobytes each, and a large run must not hold them all.
   */
  void flushIfFull() {
    if (reminders.size() + callTasks.size() + handovers.size() + timeline.size() >= CHUNK) {
      flush();
    }
  }

  /** Writes every collected row, parents before children. */
  void flush() {
    session.doWork(
        c -> {
          JdbcBatch.insert(
              c,
              "insert into reminder (id, tenant_id, run_id, customer_id, step_code, step_name,"
                  + " channel, template, language, policy_id, policy_version, as_of, currency,"
                  + " amount, interest, indemnity, recipient, subject, content, document, status,"
                  + " attempts, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                  + " ?, ?, ?, ?, 'PENDING', 0, ?)",
              reminders);
          JdbcBatch.insert(
              c,
              "insert into reminder_invoice (reminder_id, invoice_id, number, issue_date,"
                  + " due_date, days_late, total, outstanding, interest, indemnity) values (?, ?,"
                  + " ?, ?, ?, ?, ?, ?, ?, ?)",
              reminderInvoices);
          JdbcBatch.insert(
              c,
              "insert into send_queue (reminder_id, tenant, run_id, due_at) values (?, ?, ?, ?)",
              queued);
          JdbcBatch.insert(
              c,
              "insert into call_task (id, tenant_id, customer_id, run_id, step_code, invoice_ids,"
                  + " currency, amount, probability, expected_value, due_on, status, created_at)"
                  + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)",
              callTasks);
          JdbcBatch.insert(
              c,
              "insert into agency_handover (id, tenant_id, customer_id, run_id, step_code,"
                  + " invoice_ids, currency, principal, interest, indemnity, handed_on,"
                  + " created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              handovers);
          Timeline.recordAll(c, tenantId, Timeline.SYSTEM, at, timeline);
        });
    reminders.clear();
    reminderInvoices.clear();
    queued.clear();
    callTasks.clear();
    handovers.clear();
    timeline.clear();
  }

  private static Array texts(Connection c, List<String> values) throws SQLException {
    return c.createArrayOf("text", values.toArray());
  }
}
