package org.receivables.dunning.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.receivables.dunning.DunningFlowSupport;
import org.receivables.dunning.GreenMail;
import org.receivables.kit.jdbc.Columns;
import org.receivables.kit.jdbc.NamedRows;
import org.receivables.kit.tenant.TenantScope;

/**
 * The sending queue worked batch by batch, without the background senders (none in this profile):
 * the test drives {@link SenderPool#workOne()} itself, from one or two threads, on reminders queued
 * as a run's decision queues them.
 */
@QuarkusTest
@TestProfile(SenderBatchTest.NoBackgroundSenders.class)
class SenderBatchTest extends DunningFlowSupport {

  /** No sender of its own: only the test works the queue; small batches so that two interleave. */
  public static class NoBackgroundSenders implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("dunning.sending.senders", "0", "dunning.sending.batch", String.valueOf(BATCH));
    }
  }

  /** Reminders a sender takes at once in this profile. */
  static final int BATCH = 5;

  private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>\\s]+>)");

  @Inject EntityManager em;
  @Inject SendQueue queue;
  @Inject SenderPool pool;

  /** A reminder of the test's queue, as the reminders list would show it. */
  record Sent(UUID id, String status, int attempts, String messageId, String recipient) {}

  @Test
  void twoClaimsAtOnceNeverShareARow() throws Exception {
    UUID run = queued(6, "2000-01-01");
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try {
      CompletableFuture<List<UUID>> first =
          CompletableFuture.supplyAsync(
              () ->
                  QuarkusTransaction.requiringNew()
                      .call(
                          () -> {
                            List<UUID> ids = ids(queue.claim(3));
                            held.countDown();
                            release.await(30, TimeUnit.SECONDS);
                            return ids;
                          }));
      assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
      // the first claim holds its three rows: a second claim at the same time gets the others
      List<UUID> second = QuarkusTransaction.requiringNew().call(() -> ids(queue.claim(10)));
      release.countDown();
      List<UUID> own = reminderIds(run);
      Set<UUID> firstOwn = new HashSet<>(first.get(30, TimeUnit.SECONDS));
      firstOwn.retainAll(own);
      Set<UUID> secondOwn = new HashSet<>(second);
      secondOwn.retainAll(own);
      assertThat(firstOwn).hasSize(3).doesNotContainAnyElementsOf(secondOwn);
      assertThat(secondOwn).hasSize(3);
    } finally {
      release.countDown();
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  em.createNativeQuery("delete from send_queue where run_id = :r")
                      .setParameter("r", run)
                      .executeUpdate());
    }
  }

  @Test
  void twoSendersSendEveryReminderOnceWithItsOwnMessageId() throws Exception {
    UUID run = queued(40, null);
    drainWithTwoSenders();
    // An SMTP catcher connection that stops answering (seen on loaded machines) fails the rest of
    // that sender's batch, put back for later as in production; the test brings the retries
    // forward, at most twice. At most one batch per sender may be hit.
    Set<UUID> retried = new HashSet<>();
    for (int round = 0; round < 2; round++) {
      List<UUID> failed =
          sent(run).stream().filter(s -> s.status().equals("FAILED")).map(Sent::id).toList();
      if (failed.isEmpty()) {
        break;
      }
      retried.addAll(failed);
      TenantSql.run(
          em, tenant, "update send_queue set due_at = now() where run_id = :r", Map.of("r", run));
      drainWithTwoSenders();
    }
    assertThat(retried)
        .as("reminders whose first attempt failed")
        .hasSizeLessThanOrEqualTo(2 * BATCH);

    List<Sent> sent = sent(run);
    assertThat(sent).hasSize(40).allSatisfy(s -> assertThat(s.status()).isEqualTo("SENT"));
    assertThat(waiting(run)).isZero();
    for (Sent s : sent) {
      List<GreenMail.Message> inbox = GreenMail.inbox(s.recipient());
      if (retried.contains(s.id())) {
        // a timed-out attempt may still have been delivered: the retry carries the same Message-ID
        assertThat(s.attempts()).isEqualTo(2);
        assertThat(inbox).as("messages to %s", s.recipient()).hasSizeBetween(1, 2);
      } else {
        // claimed by one sender only: one attempt, one message
        assertThat(s.attempts()).isEqualTo(1);
        assertThat(inbox).as("messages to %s", s.recipient()).hasSize(1);
      }
      assertThat(inbox).allSatisfy(m -> assertThat(messageId(m.text())).isEqualTo(s.messageId()));
    }
    assertThat(sent.stream().map(Sent::messageId).distinct()).hasSize(40);
  }

  private void drainWithTwoSenders() throws Exception {
    CompletableFuture<Void> a = CompletableFuture.runAsync(this::drain);
    CompletableFuture<Void> b = CompletableFuture.runAsync(this::drain);
    CompletableFuture.allOf(a, b).get(120, TimeUnit.SECONDS);
  }

  @Test
  void aFailedAttemptIsTriedAgainWithTheSameMessageId() {
    UUID run = queued(1, null);
    Sent before = sent(run).get(0);
    // a recipient the mail client refuses: the first attempt fails
    String good = before.recipient();
    TenantSql.run(
        em,
        tenant,
        "update reminder set recipient = 'no address' where id = :id",
        Map.of("id", before.id()));
    pool.workOne();
    Sent failed = sent(run).get(0);
    assertThat(failed.status()).isEqualTo("FAILED");
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.messageId()).startsWith("<" + before.id() + "@");
    assertThat(waiting(run)).as("put back for its next attempt").isEqualTo(1);

    TenantSql.run(
        em,
        tenant,
        "update reminder set recipient = :to where id = :id",
        Map.of("to", good, "id", before.id()));
    await(
        () -> {
          pool.workOne();
          return waiting(run) == 0;
        },
        "the second attempt");
    Sent after = sent(run).get(0);
    assertThat(after.status()).isEqualTo("SENT");
    assertThat(after.attempts()).isEqualTo(2);
    List<GreenMail.Message> inbox = GreenMail.inbox(good);
    assertThat(inbox).hasSize(1);
    assertThat(messageId(inbox.get(0).text())).isEqualTo(failed.messageId());
  }

  /** Works the queue until a batch comes back empty. */
  private void drain() {
    while (pool.workOne() > 0) {
      // next batch
    }
  }

  /**
   * Queues {@code n} e-mail reminders of the test's tenant under a new run, as a run's decision
   * stores them; due at {@code dueAt} (a date; null: now). Returns the run.
   */
  private UUID queued(int n, String dueAt) {
    UUID run = UUID.randomUUID();
    String prefix = "send-" + run.toString().substring(0, 8) + "-";
    Map<String, Object> p = Map.of("run", run, "t", tenant, "n", n, "prefix", prefix);
    TenantSql.run(
        em,
        tenant,
        "insert into dunning_run (id, tenant_id, as_of, dry_run, trigger, started_at, status,"
            + " planned) values (:run, :t, current_date, false, 'API', now(), 'RUNNING', true)",
        Map.of("run", run, "t", tenant));
    TenantSql.run(
        em,
        tenant,
        "insert into reminder (id, tenant_id, run_id, customer_id, step_code, step_name, channel,"
            + " template, language, policy_id, policy_version, as_of, currency, amount, interest,"
            + " indemnity, recipient, subject, content, status, attempts, created_at) select"
            + " gen_random_uuid(), :t, :run, :prefix || i, 'FRIENDLY', 'Relance amiable',"
            + " 'EMAIL', 'friendly', 'fr', gen_random_uuid(), 1, current_date, 'EUR', 100 + i, 0,"
            + " 0, :prefix || i || '@test.local', 'Relance ' || i, '<p>Relance ' || i || '</p>',"
            + " 'PENDING', 0, now() from generate_series(1, :n) as i",
        p);
    TenantSql.run(
        em,
        tenant,
        "insert into reminder_invoice (reminder_id, tenant_id, invoice_id, number, issue_date,"
            + " due_date, days_late, total, outstanding, interest, indemnity) select id,"
            + " tenant_id, 'inv-' || customer_id, 'N-' || customer_id, current_date - 40,"
            + " current_date - 10, 10, amount, amount, 0, 0 from reminder where run_id = :run",
        Map.of("run", run));
    TenantSql.run(
        em,
        tenant,
        "insert into send_queue (reminder_id, tenant, run_id, due_at) select id, tenant_id,"
            + " run_id, cast(:due as timestamptz) from reminder where run_id = :run",
        Map.of("run", run, "due", dueAt == null ? "now" : dueAt));
    return run;
  }

  private List<Sent> sent(UUID run) {
    return TenantScope.call(
        tenant,
        () ->
            QuarkusTransaction.requiringNew()
                .call(
                    () ->
                        NamedRows.list(
                            em.createNativeQuery(
                                    "select id, status, attempts, message_id, recipient from"
                                        + " reminder where run_id = :r order by customer_id",
                                    Tuple.class)
                                .setParameter("r", run),
                            Sent.class,
                            Columns.Nulls.ZERO)));
  }

  private List<UUID> reminderIds(UUID run) {
    return new ArrayList<>(sent(run).stream().map(Sent::id).toList());
  }

  private long waiting(UUID run) {
    return QuarkusTransaction.requiringNew().call(() -> queue.waiting(run, List.of()));
  }

  private static List<UUID> ids(List<SendQueue.Claimed> claimed) {
    return claimed.stream().map(SendQueue.Claimed::reminderId).toList();
  }

  private static String messageId(String mime) {
    Matcher m = MESSAGE_ID.matcher(mime);
    assertThat(m.find()).as("a Message-ID header in %s", mime).isTrue();
    return m.group(1);
  }
}
