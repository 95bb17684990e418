package org.receivables.invoicing.invoice;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.receivables.kit.problem.Problem.FieldError;

/**
 * The EN 16931 VAT categories (UNCL 5305, BT-151) an invoice line of ours can carry, with what the
 * standard requires of each, so that an invoice we accept can always be exported as a valid
 * e-invoice: S has a positive rate; every other one a rate of 0; the exempt ones (E, AE, K, G, O)
 * state an exemption reason (BR-E-10, BR-AE-10, BR-IC-10, BR-G-10, BR-O-10), of which only E's must
 * come from the issuer (it names the law); reverse charge and intra-EU supplies need the buyer's
 * VAT identifier (BR-AE-02, BR-IC-02); "not subject to VAT" mixes with no other category (BR-O-11).
 * L and M (Canary Islands, Ceuta and Melilla) are not issued.
 */
public enum VatCategory {
  /** Standard rate. */
  S(null, null),
  /** Zero-rated goods. */
  Z(null, null),
  /**
   * Exempt from VAT: the issuer names the exemption (required on creation; the wording serves a
   * document taken in that gave only a code).
   */
  E("Exempt from VAT", null),
  /** VAT reverse charge: the buyer accounts for the VAT. */
  AE("Reverse charge", "VATEX-EU-AE"),
  /** Intra-community supply of goods and services (VAT exempt in the seller's state). */
  K("Intra-Community supply", "VATEX-EU-IC"),
  /** Export outside the EU. */
  G("Export outside the EU", "VATEX-EU-G"),
  /** Services outside the scope of VAT. */
  O("Not subject to VAT", "VATEX-EU-O");

  private final String defaultReason;
  private final String reasonCode;

  VatCategory(String defaultReason, String reasonCode) {
    this.defaultReason = defaultReason;
    this.reasonCode = reasonCode;
  }

  /** The category a line without one always meant: S above 0 %, Z at 0 %. */
  public static VatCategory fromRate(BigDecimal vatRate) {
    return vatRate.signum() > 0 ? S : Z;
  }

  public static Optional<VatCategory> parse(String code) {
    return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst();
  }

  /** An exempt category: its VAT breakdown carries an exemption reason. */
  public boolean exempt() {
    return this != S && this != Z;
  }

  /** The VATEX code (CEF list) of the exemption, if the category has a fixed one. */
  public Optional<String> reasonCode() {
    return Optional.ofNullable(reasonCode);
  }

  /** The reason printed for the exemption: the issuer's, else the category's own wording. */
  public String reason(String given) {
    return given != null && !given.isBlank() ? given.strip() : defaultReason;
  }

  /** Needs the buyer's VAT identifier on the invoice (or, for AE, its legal registration id). */
  public boolean needsBuyerId() {
    return this == AE || this == K;
  }

  /** A line as these rules see it. */
  public record Line(String category, BigDecimal vatRate, String exemptionReason) {}

  /**
   * What is wrong with the lines' categories, as field errors ({@code lines[n].vatCategory}, ...);
   * empty when the invoice can be issued. {@code buyerVatId} is the invoice's BT-48, {@code
   * buyerLegalId} the customer's legal id.
   */
  public static List<FieldError> check(List<Line> lines, String buyerVatId, String buyerLegalId) {
    List<FieldError> errors = new ArrayList<>();
    List<VatCategory> seen = new ArrayList<>();
    for (int n = 0; n < lines.size(); n++) {
      Line line = lines.get(n);
      String at = "lines[" + n + "].";
      VatCategory category;
      if (line.category() == null) {
        category = fromRate(line.vatRate());
      } else {
        Optional<VatCategory> parsed = parse(line.category());
        if (parsed.isEmpty()) {
          errors.add(
              new FieldError(
                  at + "vatCategory", "must be one of S, Z, E, AE, K, G, O (UNCL 5305)"));
          continue;
        }
        category = parsed.get();
      }
      seen.add(category);
      boolean positive = line.vatRate().signum() > 0;
      if (category == S && !positive) {
        errors.add(new FieldError(at + "vatRate", "must be above 0 for category S (BR-S-05)"));
      } else if (category != S && positive) {
        errors.add(
            new FieldError(at + "vatRate", "must be 0 for category " + category + " (BR-*-05)"));
      }
      boolean hasReason = line.exemptionReason() != null && !line.exemptionReason().isBlank();
      if (category == E && !hasReason) {
        errors.add(
            new FieldError(
                at + "vatExemptionReason",
                "is required for category E: name the exemption (BR-E-10), e.g. \"Exonération"
                    + " de TVA, article 261 C du CGI\""));
      } else if (!category.exempt() && hasReason) {
        errors.add(
            new FieldError(
                at + "vatExemptionReason",
                "is only for exempt categories (E, AE, K, G, O), not " + category + " (BR-S-10)"));
      }
    }
    if (seen.contains(O) && seen.stream().anyMatch(c -> c != O)) {
      errors.add(
          new FieldError(
              "lines", "category O (not subject to VAT) cannot be mixed with others (BR-O-11)"));
    }
    if (seen.contains(K) && blank(buyerVatId)) {
      errors.add(
          new FieldError(
              "buyerVatId", "is required for an intra-community supply (category K, BR-IC-02)"));
    }
    if (seen.contains(AE) && blank(buyerVatId) && blank(buyerLegalId)) {
      errors.add(
          new FieldError(
              "buyerVatId",
              "is required for reverse charge (category AE) when the customer has no legalId"
                  + " (BR-AE-02)"));
    }
    if (seen.contains(O) && !blank(buyerVatId)) {
      errors.add(
          new FieldError(
              "buyerVatId", "must be absent when nothing is subject to VAT (category O, BR-O-02)"));
    }
    return errors;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
