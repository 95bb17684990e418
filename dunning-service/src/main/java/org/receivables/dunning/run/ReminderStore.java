package org.receivables.dunning.run;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.receivables.dunning.channel.MessageRenderer;
import org.receivables.dunning.common.Json;
import org.receivables.dunning.policy.Channel;
import org.receivables.dunning.replica.CustomerFacts;
import org.receivables.dunning.replica.InvoiceFacts;
import org.receivables.kit.jdbc.Columns;
import org.receivables.kit.jdbc.NamedRows;
import org.receivables.kit.money.Money;

/** Reminders and runs as stored: created rendered, sent later, read back by the API. */
@ApplicationScoped
public class ReminderStore {

  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject MessageRenderer renderer;
  @Inject RunQueries queries;

  /**
   * Renders one message and stages it, PENDING, with the invoices it lists and queued for sending,
   * in the run's writes (written with the run's claims, in its transaction: nothing is sent before
   * the run's decision commits).
   */
  UUID stage(
      RunWrites writes,
      String tenantId,
      UUID runId,
      Grouping.Group g,
      Channel channel,
      CustomerFacts customer,
      LetterComposer.Letter letter,
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
    writes.queue(id);
    for (InvoiceFacts i : g.invoices()) {
      LetterComposer.Fees fees = letter.perInvoice().get(i.invoiceId());
      writes.reminderInvoice(
          id,
          i.invoiceId(),
          i.number(),
          i.issueDate(),
          i.dueDate(),
          (int) ChronoUnit.DAYS.between(i.dueDate(), asOf),
          i.total(),
          i.outstanding(),
          fees.interest(),
          fees.indemnity());
    }
    return id;
  }

  /** A run's reminders, whatever their status. */
  List<UUID> allOf(UUID runId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                NamedRows.column(
                    em.createNativeQuery("select id from reminder where run_id = :id")
                        .setParameter("id", runId),
                    UUID.class));
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
                Outcomes counts =
                    NamedRows.first(
                            em.createNativeQuery(
                                    "select count(*) filter (where status = 'SENT') as sent, count(*)"
                                        + " filter (where status = 'FAILED') as failed from reminder"
                                        + " where run_id = :id",
                                    Tuple.class)
                                .setParameter("id", runId),
                            Outcomes.class,
                            Columns.Nulls.ZERO)
                        .orElseThrow();
                sent = counts.sent();
                failed = counts.failed();
              }
              em.createNativeQuery(
                      "update dunning_run set reminders_sent = :s, reminders_failed = :f, finished_at = :at,"
                          + " status = 'COMPLETED' where id = :id")
                  .setParameter("s", sent)
                  .setParameter("f", failed)
                  .setParameter("at", Instant.now(clock))
                  .setParameter("id", runId)
                  .executeUpdate();
              String tenant =
                  NamedRows.column(
                          em.createNativeQuery("select tenant_id from dunning_run where id = :id")
                              .setParameter("id", runId),
                          String.class)
                      .get(0);
              return queries.run(tenant, runId);
            });
  }

  /** Sent and failed reminders of a run. */
  record Outcomes(int sent, int failed) {}
}
