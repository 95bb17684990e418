package org.receivables.dunning.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;
import org.receivables.dunning.common.DunningConfig;
import org.receivables.dunning.common.Json;
import org.receivables.dunning.timeline.Timeline;
import org.receivables.events.ReminderSent;
import org.receivables.events.Topics;
import org.receivables.kit.jdbc.Columns;
import org.receivables.kit.jdbc.NamedRows;
import org.receivables.kit.outbox.Outbox;

/**
 * Records how a batch's sending went, set-based: SENT reminders with their timeline entries and one
 * ReminderSent per message (customer, step and currency of a run) whatever its channels, named with
 * the policy version that chose the step; failed ones with their error, attempts and the time of
 * their next attempt.
 */
@ApplicationScoped
public class SendRecords {

  @Inject EntityManager em;
  @Inject Outbox outbox;
  @Inject Timeline timeline;
  @Inject DunningConfig config;
  @Inject Clock clock;

  /** What a ReminderSent says about a reminder. */
  record Announced(
      UUID id,
      String customerId,
      String stepCode,
      String channel,
      BigDecimal amount,
      String currency,
      UUID policyId,
      int policyVersion,
      String invoiceIds) {}

  /** A failed reminder's facts for its timeline entry. */
  record Failed(UUID id, String customerId, String stepName, String channel, int attempts) {}

  @Transactional(Transactional.TxType.MANDATORY)
  List<SendQueue.Outcome> record(
      String tenantId,
      List<Sender.Taken> taken,
      Map<UUID, String> errors,
      Map<UUID, SendQueue.Claimed> claimed) {
    Instant now = Instant.now(clock);
    List<UUID> sent =
        taken.stream().map(Sender.Taken::id).filter(id -> !errors.containsKey(id)).toList();
    List<SendQueue.Outcome> outcomes = new ArrayList<>(taken.size());
    if (!sent.isEmpty()) {
      sent(tenantId, sent, now);
      sent.forEach(id -> outcomes.add(SendQueue.Outcome.done(id)));
    }
    List<Failure> failures = new ArrayList<>(errors.size());
    errors.forEach(
        (id, error) -> {
          Instant retryAt = backoff().retryAt(claimed.get(id).attempts() + 1, now);
          failures.add(new Failure(id, error == null ? "unknown error" : error, retryAt));
          outcomes.add(new SendQueue.Outcome(id, retryAt));
        });
    if (!failures.isEmpty()) {
      failed(tenantId, failures);
    }
    return outcomes;
  }

  private Backoff backoff() {
    return new Backoff(config.send().attempts(), config.send().backoff());
  }

  private void sent(String tenantId, List<UUID> ids, Instant now) {
    em.createNativeQuery(
            "update reminder set status = 'SENT', attempts = attempts + 1, sent_at = :at,"
                + " last_error = null, next_attempt_at = null where id in (:ids)")
        .setParameter("at", now)
        .setParameter("ids", ids)
        .executeUpdate();
    timeline.remindersSent(ids, now);
    // the first channel sent announces the message; the primary key refuses a second one
    List<Announced> announced =
        NamedRows.list(
            em.createNativeQuery(
                    "with a as (insert into reminder_announced (tenant_id, run_id, customer_id,"
                        + " step_code, currency, reminder_id) select distinct on (run_id,"
                        + " customer_id, step_code, currency) tenant_id, run_id, customer_id,"
                        + " step_code, currency, id from reminder where id in (:ids) order by"
                        + " run_id, customer_id, step_code, currency, id on conflict do nothing"
                        + " returning reminder_id) select r.id, r.customer_id, r.step_code,"
                        + " r.channel, r.amount, r.currency, r.policy_id, r.policy_version,"
                        + " (select coalesce(json_agg(ri.invoice_id order by ri.due_date,"
                        + " ri.number), '[]')::text from reminder_invoice ri where ri.reminder_id ="
                        + " r.id) as invoice_ids from reminder r join a on a.reminder_id = r.id",
                    Tuple.class)
                .setParameter("ids", ids),
            Announced.class,
            Columns.Nulls.ZERO);
    outbox.recordAll(
        Topics.DUNNING,
        announced.stream()
            .map(
                a ->
                    new ReminderSent(
                        tenantId,
                        a.customerId(),
                        a.id().toString(),
                        Json.read(a.invoiceIds(), Json.STRINGS),
                        a.stepCode(),
                        a.channel(),
                        a.amount(),
                        a.currency(),
                        now,
                        a.policyId().toString(),
                        a.policyVersion()))
            .toList());
  }

  /** A failed attempt: its error and when it is tried again (null: the round is over). */
  private record Failure(UUID id, String error, Instant retryAt) {}

  /**
   * Records the batch's failed attempts in one statement, and a timeline entry for each reminder
   * whose round is over (it stays FAILED until a run or a collector queues it again).
   */
  private void failed(String tenantId, List<Failure> failures) {
    List<String> ids = new ArrayList<>();
    List<String> messages = new ArrayList<>();
    List<String> next = new ArrayList<>();
    Map<UUID, String> over = new HashMap<>();
    for (Failure f : failures) {
      String e = f.error().length() > 1000 ? f.error().substring(0, 1000) : f.error();
      ids.add(f.id().toString());
      messages.add(e);
      next.add(f.retryAt() == null ? null : f.retryAt().toString());
      if (f.retryAt() == null) {
        over.put(f.id(), e);
      }
    }
    em.unwrap(Session.class)
        .doWork(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "update reminder r set status = 'FAILED', attempts = r.attempts + 1,"
                          + " last_error = u.e, next_attempt_at = u.n::timestamptz from"
                          + " unnest(?::uuid[], ?::text[], ?::text[]) as u(id, e, n) where r.id"
                          + " = u.id")) {
                ps.setArray(1, c.createArrayOf("text", ids.toArray()));
                ps.setArray(2, c.createArrayOf("text", messages.toArray()));
                ps.setArray(3, c.createArrayOf("text", next.toArray()));
                ps.executeUpdate();
              }
            });
    if (over.isEmpty()) {
      return;
    }
    List<Failed> given =
        NamedRows.list(
            em.createNativeQuery(
                    "select id, customer_id, step_name, channel, attempts from reminder where id"
                        + " in (:ids)",
                    Tuple.class)
                .setParameter("ids", over.keySet()),
            Failed.class,
            Columns.Nulls.ZERO);
    for (Failed f : given) {
      timeline.record(
          tenantId,
          f.customerId(),
          "REMINDER_FAILED",
          Timeline.SYSTEM,
          f.stepName()
              + " by "
              + f.channel()
              + " failed after "
              + f.attempts()
              + " attempt(s): "
              + over.get(f.id()),
          f.id().toString(),
          null);
    }
  }
}
