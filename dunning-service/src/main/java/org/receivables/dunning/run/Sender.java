package org.receivables.dunning.run;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;
import org.receivables.dunning.channel.EmailGateway;
import org.receivables.dunning.channel.MailAttachment;
import org.receivables.dunning.channel.SendFailedException;
import org.receivables.dunning.channel.SmsGateway;
import org.receivables.dunning.common.TenantProfiles;
import org.receivables.dunning.document.InvoiceDocuments;
import org.receivables.kit.jdbc.Columns;
import org.receivables.kit.jdbc.NamedRows;

/**
 * Sends a batch of one tenant's claimed reminders: reads the invoice PDFs the e-mails attach
 * ({@link InvoiceDocuments}; an e-mail waiting for a PDF requested from invoicing is put back in
 * the queue until it comes, for a bounded time), takes the others (SENDING, committed, with their
 * Message-ID), sends the e-mails of the batch in parallel over the mailer's pooled connections and
 * the rest one by one, each once and within its channel's throttle, then records every outcome in
 * one transaction ({@link SendRecords}). A reminder is SENT only once its channel accepted it; a
 * failed one is put back with a backoff until the round's attempts are spent. Called bound to the
 * tenant, while the caller holds the batch's queue rows locked.
 */
@ApplicationScoped
public class Sender {

  private static final Logger LOG = Logger.getLogger(Sender.class);

  @Inject EntityManager em;
  @Inject EmailGateway email;
  @Inject SmsGateway sms;
  @Inject Throttles throttles;
  @Inject TenantProfiles profiles;
  @Inject SendRecords records;
  @Inject InvoiceDocuments documents;

  /** A reminder taken for sending: what its channel needs. */
  record Taken(
      UUID id,
      String channel,
      String recipient,
      String subject,
      String content,
      String messageId) {}

  /** The reminders taken from a batch, and the tenant's address for replies. */
  private record Batch(List<Taken> taken, String replyTo) {}

  List<SendQueue.Outcome> send(String tenantId, List<SendQueue.Claimed> batch) {
    Map<UUID, SendQueue.Claimed> claimed = new HashMap<>();
    batch.forEach(c -> claimed.put(c.reminderId(), c));
    // first the PDFs: an e-mail whose PDF was requested and has not come yet is held, not taken
    InvoiceDocuments.Attachments attachments =
        QuarkusTransaction.requiringNew()
            .call(() -> documents.forReminders(tenantId, claimed.keySet()));
    Map<UUID, List<MailAttachment>> files = attachments.files();
    List<SendQueue.Outcome> outcomes = new ArrayList<>(batch.size());
    attachments.held().forEach((id, at) -> outcomes.add(SendQueue.Outcome.held(id, at)));
    List<UUID> toTake =
        claimed.keySet().stream().filter(id -> !attachments.held().containsKey(id)).toList();
    Batch b =
        QuarkusTransaction.requiringNew()
            .call(() -> new Batch(take(toTake), profiles.get(tenantId).contactEmail()));
    List<Taken> taken = b.taken();
    Map<UUID, String> errors = new HashMap<>();
    Map<UUID, CompletableFuture<Void>> mails = new HashMap<>();
    for (Taken t : taken) {
      try {
        switch (t.channel()) {
          case "EMAIL" -> {
            throttles.email().await();
            mails.put(
                t.id(),
                email.start(
                    t.recipient(),
                    t.subject(),
                    t.content(),
                    b.replyTo(),
                    t.messageId(),
                    files.getOrDefault(t.id(), List.of())));
          }
          case "SMS" -> {
            throttles.sms().await();
            sms.send(t.recipient(), t.content());
          }
          default -> {
            // a letter is sent once its PDF, stored with the reminder, is ready for posting
          }
        }
      } catch (RuntimeException e) {
        // this message alone failed (refused, or not even sendable): the batch goes on
        errors.put(t.id(), e.getMessage() == null ? e.toString() : e.getMessage());
      }
    }
    mails.forEach(
        (id, sending) -> {
          try {
            email.awaitAccepted(sending);
          } catch (SendFailedException e) {
            errors.put(id, e.getMessage());
          }
        });
    errors.forEach((id, e) -> LOG.warnf("Reminder %s could not be sent: %s", id, e));
    QuarkusTransaction.requiringNew()
        .run(() -> outcomes.addAll(records.record(tenantId, taken, errors, claimed)));
    // claimed, not held, not taken: already sent, withdrawn or erased; it just leaves the queue
    java.util.Set<UUID> takenIds = new java.util.HashSet<>();
    taken.forEach(t -> takenIds.add(t.id()));
    toTake.stream()
        .filter(id -> !takenIds.contains(id))
        .forEach(id -> outcomes.add(SendQueue.Outcome.done(id)));
    return outcomes;
  }

  /**
   * Marks the claimed reminders that can still be sent SENDING and gives each its Message-ID once.
   * One left SENDING is taken again: its sender died (the queue row was locked by it until then),
   * and the new attempt carries the same Message-ID. Sent, withdrawn and erased ones (no recipient)
   * are not taken.
   */
  private List<Taken> take(java.util.Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return NamedRows.list(
        em.createNativeQuery(
                "update reminder set status = 'SENDING', message_id = coalesce(message_id, '<' || id"
                    + " || '@' || :domain || '>') where id in (:ids) and status in ('PENDING',"
                    + " 'FAILED', 'SENDING') and recipient is not null returning id, channel,"
                    + " recipient, subject, content, message_id",
                Tuple.class)
            .setParameter("domain", email.messageIdDomain())
            .setParameter("ids", ids),
        Taken.class,
        Columns.Nulls.ZERO);
  }
}
