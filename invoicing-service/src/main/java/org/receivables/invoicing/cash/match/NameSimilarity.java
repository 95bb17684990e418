package org.receivables.invoicing.cash.match;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How much the payer's name resembles a customer's: the Sørensen–Dice coefficient of their letter
 * pairs, after accents, punctuation and legal forms are dropped. Letter pairs forgive typos and
 * word order ("Martin Boulangerie SARL" and "BOULANGERIE MARTIN" score 1.0).
 */
public final class NameSimilarity {

  /** Below it, names are not evidence at all. */
  static final double MIN = 0.8;

  static final double WEIGHT = 0.6;

  private static final Set<String> LEGAL_FORMS =
      Set.of(
          "SA", "SAS", "SARL", "EURL", "SASU", "SNC", "GMBH", "AG", "LTD", "LIMITED", "INC", "LLC",
          "BV", "NV", "SPA", "SRL", "PLC", "CO", "ETS", "STE", "SOCIETE");

  private NameSimilarity() {}

  public static double score(String a, String b) {
    if (a == null || b == null) {
      return 0;
    }
    List<String> x = pairs(normalise(a));
    List<String> y = pairs(normalise(b));
    if (x.isEmpty() || y.isEmpty()) {
      return 0;
    }
    Map<String, Integer> counts = new HashMap<>();
    x.forEach(p -> counts.merge(p, 1, Integer::sum));
    int common = 0;
    for (String p : y) {
      Integer c = counts.get(p);
      if (c != null && c > 0) {
        common++;
        counts.put(p, c - 1);
      }
    }
    return 2.0 * common / (x.size() + y.size());
  }

  /** A clue when the names resemble enough, else null. */
  public static Clue clue(Transfer t, OpenInvoice invoice) {
    double s = score(t.debtorName(), invoice.customerName());
    if (s < MIN) {
      return null;
    }
    return Clue.forCustomer(
        invoice.customerId(),
        WEIGHT * s,
        String.format(
            Locale.ROOT,
            "payer name \"%s\" resembles customer \"%s\" (%.2f)",
            t.debtorName(),
            invoice.customerName(),
            s));
  }

  static String normalise(String name) {
    String plain =
        Normalizer.normalize(name, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toUpperCase(Locale.ROOT)
            .replaceAll("[^A-Z0-9]+", " ")
            .trim();
    List<String> words = new ArrayList<>();
    for (String w : plain.split(" ")) {
      if (!w.isEmpty() && !LEGAL_FORMS.contains(w)) {
        words.add(w);
      }
    }
    words.sort(String::compareTo);
    return String.join(" ", words);
  }

  private static List<String> pairs(String s) {
    List<String> out = new ArrayList<>();
    for (String w : s.split(" ")) {
      for (int i = 0; i + 1 < w.length(); i++) {
        out.add(w.substring(i, i + 2));
      }
    }
    return out;
  }
}
