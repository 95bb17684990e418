package org.receivables.dunning.channel;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.receivables.dunning.common.DunningConfig;

/**
 * Sends reminders through the SMTP server Quarkus Mailer is configured with. Each attempt waits at
 * most {@code dunning.send.mail-timeout}: the blocking mailer would wait forever on a server that
 * accepted the connection and then went silent.
 */
@ApplicationScoped
public class EmailGateway {

  @Inject ReactiveMailer mailer;
  @Inject DunningConfig config;

  public void send(String to, String subject, String html, String replyTo) {
    Mail mail = Mail.withHtml(to, subject, html);
    if (replyTo != null) {
      mail.setReplyTo(replyTo);
    }
    awaitAccepted(mailer.send(mail), config.send().mailTimeout());
  }

  /** Waits for the server to accept a message, at most {@code timeout}; else the attempt failed. */
  static void awaitAccepted(Uni<Void> sending, Duration timeout) {
    try {
      sending.await().atMost(timeout);
    } catch (TimeoutException e) {
      throw new SendFailedException("SMTP server did not answer within " + timeout, e);
    } catch (RuntimeException e) {
      throw new SendFailedException("SMTP refused the message: " + e.getMessage(), e);
    }
  }
}
