package org.receivables.invoicing.einvoice;

import java.util.List;

/**
 * A document refused before it reaches the ledger: 400 (not XML, not an invoice, a DTD), 413 (too
 * large), 415 (media type) or 422 (broken EN 16931 or suite rules, each named in {@link #errors}).
 */
public class EInvoiceRejection extends RuntimeException {

  /** One broken rule: its id (BR-CO-15, XSD, SUITE-...), what it says and where. */
  public record RuleError(String rule, String message, String location) {}

  private final int status;
  private final String title;
  private final transient List<RuleError> errors;

  public EInvoiceRejection(int status, String title, String detail, List<RuleError> errors) {
    super(detail);
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  public static EInvoiceRejection unreadable(String detail) {
    return new EInvoiceRejection(400, "Unreadable e-invoice", detail, List.of());
  }

  public static EInvoiceRejection rules(List<RuleError> errors) {
    String detail =
        errors.size()
            + " rule(s) broken: "
            + String.join(
                "; ", errors.stream().limit(5).map(e -> e.rule() + " " + e.message()).toList());
    return new EInvoiceRejection(422, "The e-invoice breaks EN 16931 rules", detail, errors);
  }

  public static EInvoiceRejection rule(String rule, String message, String location) {
    return rules(List.of(new RuleError(rule, message, location)));
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public List<RuleError> errors() {
    return errors;
  }
}
