package org.receivables.dunning.channel;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Sends reminders through the SMTP server Quarkus Mailer is configured with. */
@ApplicationScoped
public class EmailGateway {

  @Inject Mailer mailer;

  public void send(String to, String subject, String html, String replyTo) {
    try {
      Mail mail = Mail.withHtml(to, subject, html);
      if (replyTo != null) {
        mail.setReplyTo(replyTo);
      }
      mailer.send(mail);
    } catch (RuntimeException e) {
      throw new SendFailedException("SMTP refused the message: " + e.getMessage(), e);
    }
  }
}
