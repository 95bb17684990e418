package org.receivables.invoicing.einvoice;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The problem document of a refused e-invoice: an RFC 9457 problem whose {@code errors} name each
 * broken rule; {@code field} repeats the location so generic clients of the suite's problems still
 * find one.
 */
@Schema(name = "EInvoiceProblem", description = "A refused e-invoice, one error per broken rule")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EInvoiceProblem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    @Schema(description = "One per broken rule, EN 16931 rules first, then the suite's (SUITE-*)")
        List<Error> errors) {

  /** One broken rule. */
  @Schema(name = "EInvoiceRuleError")
  public record Error(
      @Schema(description = "Rule id: BR-CO-15, BR-16, XSD, SUITE-CN-2 ...", example = "BR-CO-15")
          String rule,
      String message,
      @Schema(description = "XPath, line and column, or business term") String location,
      @Schema(description = "Same as location") String field) {}

  public static EInvoiceProblem of(EInvoiceRejection r, String path) {
    return new EInvoiceProblem(
        "https://receivables.org/problems/" + r.status(),
        r.title(),
        r.status(),
        r.getMessage(),
        path,
        r.errors().isEmpty()
            ? null
            : r.errors().stream()
                .map(e -> new Error(e.rule(), e.message(), e.location(), e.location()))
                .toList());
  }
}
