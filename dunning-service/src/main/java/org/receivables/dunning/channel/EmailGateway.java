package org.receivables.dunning.channel;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.LaunchMode;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.mail.MailMessage;
import io.vertx.mutiny.ext.mail.MailClient;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.receivables.dunning.common.DunningConfig;

/**
 * Sends reminders through the SMTP server Quarkus Mailer is configured with; its pool keeps the
 * connections open between messages ({@code quarkus.mailer.keep-alive}, {@code max-pool-size}).
 * Each attempt waits at most {@code dunning.send.mail-timeout}: the mailer would wait forever on a
 * server that accepted the connection and then went silent.
 *
 * <p>Messages go straight to the Vert.x mail client the mailer configures, not through {@link
 * ReactiveMailer}: the mailer hands an attachment's bytes to the client one boxed byte at a time (a
 * reactive stream of {@code Byte}), milliseconds of CPU for each invoice PDF, where the client
 * takes the whole buffer. The mailer is kept for its mock mailbox ({@code quarkus.mailer.mock}, dev
 * mode), which the client does not know.
 */
@ApplicationScoped
public class EmailGateway {

  @Inject ReactiveMailer mailer;
  @Inject MailClient client;
  @Inject DunningConfig config;

  @ConfigProperty(name = "quarkus.mailer.from")
  String from;

  /** Quarkus mocks the mailer in dev and test mode unless told otherwise. */
  @ConfigProperty(name = "quarkus.mailer.mock")
  Optional<Boolean> mockSetting;

  private boolean mock;

  @PostConstruct
  void init() {
    mock = mockSetting.orElse(LaunchMode.current().isDevOrTest());
  }

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
    Uni<Void> sending;
    if (mock) {
      Mail mail = mail(to, subject, html, replyTo, messageId);
      attachments.forEach(a -> mail.addAttachment(a.fileName(), a.content(), a.mediaType()));
      sending = mailer.send(mail);
    } else {
      sending =
          client
              .sendMail(message(to, subject, html, replyTo, messageId, attachments))
              .replaceWithVoid();
    }
    return sending
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

  /** The message as the Vert.x mail client sends it, attachments as whole buffers. */
  private MailMessage message(
      String to,
      String subject,
      String html,
      String replyTo,
      String messageId,
      List<MailAttachment> attachments) {
    MailMessage message =
        new MailMessage().setFrom(from).setTo(to).setSubject(subject).setHtml(html);
    if (replyTo != null) {
      message.addHeader("Reply-To", replyTo);
    }
    // replaces the one the mail client would generate
    message.addHeader("Message-ID", messageId);
    if (!attachments.isEmpty()) {
      message.setAttachment(
          attachments.stream()
              .map(
                  a ->
                      io.vertx.ext.mail.MailAttachment.create()
                          .setName(a.fileName())
                          .setContentType(a.mediaType())
                          .setData(Buffer.buffer(a.content())))
              .toList());
    }
    return message;
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
