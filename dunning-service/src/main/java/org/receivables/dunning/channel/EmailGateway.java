package org.receivables.dunning.channel;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.receivables.dunning.common.DunningConfig;

/**
 * Sends reminders through the SMTP server Quarkus Mailer is configured with; its pool keeps the
 * connections open between messages ({@code quarkus.mailer.keep-alive}, {@code max-pool-size}).
 * Each attempt waits at most {@code dunning.send.mail-timeout}: the mailer would wait forever on a
 * server that accepted the connection and then went silent.
 */
@ApplicationScoped
public class EmailGateway {

  @Inject ReactiveMailer mailer;
  @Inject DunningConfig config;

  @ConfigProperty(name = "quarkus.mailer.from")
  String from;

  /**
   * Starts sending one message with the given Message-ID (so a copy sent again after a crash is
   * recognisable as the same message); {@link #awaitAccepted(CompletableFuture)} waits for it.
   */
  public CompletableFuture<Void> start(
      String to, String subject, String html, String replyTo, String messageId) {
    return start(to, subject, html, replyTo, messageId, List.of());
  }

  /** {@link #start} with files attached (the PDFs of the invoices a reminder names). */
  public CompletableFuture<Void> start(
      String to,
      String subject,
      String html,
      String replyTo,
      String messageId,
      List<MailAttachment> attachments) {
    Mail mail = mail(to, subject, html, replyTo, messageId);
    attachments.forEach(a -> mail.addAttachment(a.fileName(), a.content(), a.mediaType()));
    return mailer
        .send(mail)
        .ifNoItem()
        .after(config.send().mailTimeout())
        .fail()
        .subscribeAsCompletionStage();
  }

  /** Waits for a message started by {@link #start}; throws if the server did not accept it. */
  public void awaitAccepted(CompletableFuture<Void> sending) {
    awaitAccepted(Uni.createFrom().completionStage(sending), config.send().mailTimeout());
  }

  /** The domain of our Message-IDs ({@code <reminder id@domain>}): the sender address's. */
  public String messageIdDomain() {
    int at = from.lastIndexOf('@');
    return at < 0 ? "receivables.local" : from.substring(at + 1).replace(">", "").trim();
  }

  private static Mail mail(
      String to, String subject, String html, String replyTo, String messageId) {
    Mail mail = Mail.withHtml(to, subject, html);
    if (replyTo != null) {
      mail.setReplyTo(replyTo);
    }
    // replaces the one the mail client would generate
    mail.addHeader("Message-ID", messageId);
    return mail;
  }

  /** Waits for the server to accept a message, at most {@code timeout}; else the attempt failed. */
  static void awaitAccepted(Uni<Void> sending, Duration timeout) {
    try {
      sending.await().atMost(timeout);
    } catch (TimeoutException e) {
      throw new SendFailedException("SMTP server did not answer within " + timeout, e);
    } catch (RuntimeException e) {
      Throwable cause = e instanceof java.util.concurrent.CompletionException ? e.getCause() : e;
      if (cause instanceof TimeoutException) {
        throw new SendFailedException("SMTP server did not answer within " + timeout, cause);
      }
      throw new SendFailedException("SMTP refused the message: " + cause.getMessage(), cause);
    }
  }
}
