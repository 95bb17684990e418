package org.receivables.dunning.run;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.receivables.dunning.channel.EmailGateway;
import org.receivables.dunning.channel.SendFailedException;
import org.receivables.dunning.channel.SmsGateway;
import org.receivables.dunning.common.DunningConfig;
import org.receivables.dunning.common.Rows;
import org.receivables.dunning.common.TenantProfiles;
import org.receivables.dunning.timeline.Timeline;
import org.receivables.events.ReminderSent;
import org.receivables.events.Topics;
import org.receivables.kit.outbox.Outbox;

/**
 * Sends one stored reminder on its channel. Only one sender can take a reminder (PENDING or FAILED
 * to SENDING, conditionally); each attempt that fails is retried after a pause; the reminder
 * becomes SENT, with its ReminderSent event, only after the channel accepted it, and FAILED with
 * the last error otherwise. A letter is "sent" once its PDF is stored for posting.
 */
@ApplicationScoped
public class Dispatcher {

  private static final Logger LOG = Logger.getLogger(Dispatcher.class);

  @Inject EntityManager em;
  @Inject EmailGateway email;
  @Inject SmsGateway sms;
  @Inject DunningConfig config;
  @Inject Outbox outbox;
  @Inject Timeline timeline;
  @Inject TenantProfiles profiles;
  @Inject Clock clock;

  public void deliver(UUID id) {
    Ready r =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Ready taken = take(id);
                  if (taken != null && "LETTER".equals(taken.message().channel())) {
                    // the PDF is stored with the reminder: it is ready for posting, and nothing
                    // outside the database can fail, so taking and recording are one transaction
                    record(id, 1, null);
                    return null;
                  }
                  return taken;
                });
    if (r == null) {
      return;
    }
    String channel = r.message().channel();
    String recipient = r.message().recipient();
    String subject = r.message().subject();
    String content = r.message().content();
    String replyTo = r.replyTo();
    int attempts = 0;
    String error = null;
    for (int i = 0; i < Math.max(1, config.send().attempts()); i++) {
      attempts++;
      try {
        switch (channel) {
          case "EMAIL" -> email.send(recipient, subject, content, replyTo);
          case "SMS" -> sms.send(recipient, content);
          default -> {
            // letters are recorded when taken
          }
        }
        error = null;
        break;
      } catch (SendFailedException | IllegalStateException e) {
        error = e.getMessage();
        LOG.warnf("Reminder %s on %s failed (attempt %d): %s", id, channel, attempts, error);
        pause(i);
      }
    }
    int tries = attempts;
    String lastError = error;
    QuarkusTransaction.requiringNew().run(() -> record(id, tries, lastError));
  }

  /** A reminder taken for sending: what the channel needs. */
  record Outgoing(
      String tenantId, String channel, String recipient, String subject, String content) {}

  /** A reminder's facts for recording how its sending went. */
  record Sending(
      String tenantId,
      String customerId,
      String stepCode,
      String channel,
      BigDecimal amount,
      String currency,
      int attempts,
      String stepName) {}

  /** A taken reminder and the creditor's address replies go to. */
  record Ready(Outgoing message, String replyTo) {}

  private Ready take(UUID id) {
    int taken =
        em.createNativeQuery(
                "update reminder set status = 'SENDING' where id = :id and status in ('PENDING', 'FAILED')")
            .setParameter("id", id)
            .executeUpdate();
    if (taken == 0) {
      return null;
    }
    Outgoing message =
        Rows.first(
                em.createNativeQuery(
                        "select tenant_id, channel, recipient, subject, content from reminder where id = :id")
                    .setParameter("id", id),
                Outgoing.class)
            .orElseThrow();
    // read here, in a transaction: a run sends from its own threads, where nothing else is active
    return new Ready(message, profiles.get(message.tenantId()).contactEmail());
  }

  private void record(UUID id, int attempts, String error) {
    Sending r =
        Rows.first(
                em.createNativeQuery(
                        "select tenant_id, customer_id, step_code, channel, amount, currency, attempts,"
                            + " step_name from reminder where id = :id")
                    .setParameter("id", id),
                Sending.class)
            .orElseThrow();
    String tenantId = r.tenantId();
    String customerId = r.customerId();
    int total = r.attempts() + attempts;
    Instant now = Instant.now(clock);
    List<String> invoiceIds =
        Rows.column(
            em.createNativeQuery(
                    "select invoice_id from reminder_invoice where reminder_id = :id order by due_date, number")
                .setParameter("id", id),
            String.class);
    if (error == null) {
      em.createNativeQuery(
              "update reminder set status = 'SENT', attempts = :a, sent_at = :at, last_error = null"
                  + " where id = :id")
          .setParameter("a", total)
          .setParameter("at", now)
          .setParameter("id", id)
          .executeUpdate();
      outbox.record(
          Topics.DUNNING,
          new ReminderSent(
              tenantId,
              customerId,
              id.toString(),
              invoiceIds,
              r.stepCode(),
              r.channel(),
              r.amount(),
              r.currency(),
              now,
              null,
              null));
      timeline.record(
          tenantId,
          customerId,
          "REMINDER_SENT",
          Timeline.SYSTEM,
          r.stepName() + " sent by " + r.channel() + " for " + invoiceIds.size() + " invoice(s)",
          id.toString(),
          null);
    } else {
      em.createNativeQuery(
              "update reminder set status = 'FAILED', attempts = :a, last_error = :e where id = :id")
          .setParameter("a", total)
          .setParameter("e", error.length() > 1000 ? error.substring(0, 1000) : error)
          .setParameter("id", id)
          .executeUpdate();
      timeline.record(
          tenantId,
          customerId,
          "REMINDER_FAILED",
          Timeline.SYSTEM,
          r.stepName() + " by " + r.channel() + " failed after " + total + " attempt(s): " + error,
          id.toString(),
          null);
    }
  }

  private void pause(int attempt) {
    long millis = config.send().backoff().toMillis() * (1L << Math.min(attempt, 4));
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
