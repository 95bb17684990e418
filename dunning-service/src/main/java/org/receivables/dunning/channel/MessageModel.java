package org.receivables.dunning.channel;

import io.quarkus.qute.TemplateData;
import java.util.List;

/**
 * Everything a reminder says, already formatted for its language, so that templates only lay it out
 * and every channel states the same figures.
 */
@TemplateData
public record MessageModel(
    String lang,
    String template,
    boolean formalNotice,
    String customerName,
    String customerRef,
    String creditorName,
    String creditorAddress,
    String iban,
    String bic,
    String contactEmail,
    String contactPhone,
    String date,
    String payBy,
    String currency,
    List<Row> rows,
    String principal,
    String interest,
    String indemnity,
    String grandTotal,
    String interestBasis,
    String paymentReference) {

  /** One invoice line, with a fixed-width rendering for letters. */
  @TemplateData
  public record Row(
      String number,
      String issueDate,
      String dueDate,
      long daysLate,
      String outstanding,
      String interest,
      String indemnity,
      String fixed) {}
}
