package org.receivables.dunning.channel;

import io.quarkus.qute.Engine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Renders a reminder in the customer's language: mail (HTML), letter (text for the PDF), SMS. */
@ApplicationScoped
public class MessageRenderer {

  @Inject Engine engine;

  public String mailHtml(MessageModel m) {
    return engine.getTemplate("dunning/mail-" + m.lang() + ".html").data("m", m).render();
  }

  public String letterText(MessageModel m) {
    return engine.getTemplate("dunning/letter-" + m.lang() + ".txt").data("m", m).render();
  }

  public String subject(MessageModel m) {
    boolean fr = "fr".equals(m.lang());
    String what =
        switch (m.template()) {
          case "courtesy" -> fr ? "Rappel d'échéance" : "Upcoming due date";
          case "friendly" -> fr ? "Relance : factures échues" : "Reminder: invoices past due";
          case "second" ->
              fr ? "Deuxième relance : factures impayées" : "Second reminder: unpaid invoices";
          case "formal-notice" -> fr ? "Mise en demeure de payer" : "Formal notice to pay";
          default -> fr ? "Relance" : "Reminder";
        };
    return what + " – " + m.creditorName() + " – " + m.principal();
  }

  public String sms(MessageModel m) {
    String numbers = String.join(", ", m.rows().stream().map(MessageModel.Row::number).toList());
    String text =
        "fr".equals(m.lang())
            ? m.creditorName()
                + " : factures "
                + numbers
                + " impayées, reste dû "
                + m.principal()
                + ". Merci de régler au plus vite"
                + (m.iban() == null ? "" : " (IBAN " + m.iban() + ")")
                + "."
            : m.creditorName()
                + ": invoices "
                + numbers
                + " unpaid, "
                + m.principal()
                + " outstanding. Please pay promptly"
                + (m.iban() == null ? "" : " (IBAN " + m.iban() + ")")
                + ".";
    return text.length() > 459 ? text.substring(0, 456) + "..." : text;
  }
}
