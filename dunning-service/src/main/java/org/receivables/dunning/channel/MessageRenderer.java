package org.receivables.dunning.channel;

import io.quarkus.qute.Engine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;

/**
 * Renders a reminder in the customer's language: mail (HTML), letter (text for the PDF), SMS, its
 * subject and the way the interest basis is named. All wording is in the {@code
 * templates/dunning/*-<lang>} Qute templates, so a translation never touches Java.
 */
@ApplicationScoped
public class MessageRenderer {

  /** Most SMS gateways split longer texts into more than three parts. */
  static final int SMS_MAX = 459;

  @Inject Engine engine;

  public String mailHtml(MessageModel m) {
    return render("mail", "html", m.lang()).data("m", m).render();
  }

  public String letterText(MessageModel m) {
    return render("letter", "txt", m.lang()).data("m", m).render();
  }

  public String subject(MessageModel m) {
    return render("subject", "txt", m.lang()).data("m", m).render().strip();
  }

  public String sms(MessageModel m) {
    String numbers = String.join(", ", m.rows().stream().map(MessageModel.Row::number).toList());
    String text =
        render("sms", "txt", m.lang()).data("m", m).data("numbers", numbers).render().strip();
    return text.length() > SMS_MAX ? text.substring(0, SMS_MAX - 3) + "..." : text;
  }

  /** The interest basis (an {@code InterestBasis} name) as the letter states it. */
  public String interestBasis(String basis, BigDecimal contractualRate, String lang) {
    return render("interest-basis", "txt", lang)
        .data("basis", basis)
        .data(
            "rate",
            contractualRate == null ? "" : contractualRate.stripTrailingZeros().toPlainString())
        .render()
        .strip();
  }

  private io.quarkus.qute.TemplateInstance render(String name, String suffix, String lang) {
    return engine.getTemplate("dunning/" + name + "-" + lang + "." + suffix).instance();
  }
}
