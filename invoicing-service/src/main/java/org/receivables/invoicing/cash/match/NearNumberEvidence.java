package org.receivables.invoicing.cash.match;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Invoice numbers one keystroke from a number in the text (a digit changed, two neighbours swapped,
 * one dropped or doubled): debtors mistype. Weak on its own, since in a dense series every
 * neighbour of a number is another invoice; it counts only with the amount and the payer's name,
 * and {@link Matcher} looks for it only when no number quoted exactly fits the amount.
 */
public final class NearNumberEvidence {

  static final double STRENGTH = 0.65;

  /** Numbers with fewer digits are not searched: their neighbours are too many and too close. */
  static final int MIN_DIGITS = 8;

  /** Most invoices one transfer's near numbers may name. */
  static final int LIMIT = 200;

  private NearNumberEvidence() {}

  /** Clues for invoices one edit from a number in the text, but none of {@code named}. */
  public static List<Clue> find(Transfer t, Book book, Set<UUID> named) {
    InvoiceNumberKeys keys = InvoiceNumberKeys.fromText(t.remittance());
    List<Clue> clues = new ArrayList<>();
    Set<String> near = variants(keys.digits());
    if (near.isEmpty()) {
      return clues;
    }
    for (OpenInvoice i : book.byNumberKeys(Set.of(), near, t.bookingDate(), LIMIT)) {
      String key = InvoiceNumberKeys.alnumKey(i.number());
      if (named.contains(i.id()) || keys.alnum().contains(key)) {
        continue;
      }
      keys.alnum().stream()
          .filter(k -> oneEditApart(k, key))
          .findFirst()
          .ifPresent(
              typed ->
                  clues.add(
                      Clue.forInvoice(
                          i,
                          STRENGTH,
                          "invoice number "
                              + i.number()
                              + " is one keystroke from \""
                              + typed
                              + "\" in the text")));
    }
    return clues;
  }

  /** Every digit key one edit from one of {@code digitKeys} of at least {@link #MIN_DIGITS}. */
  static Set<String> variants(Set<String> digitKeys) {
    Set<String> out = new LinkedHashSet<>();
    for (String k : digitKeys) {
      if (k.length() < MIN_DIGITS) {
        continue;
      }
      for (int p = 0; p <= k.length(); p++) {
        for (char d = '0'; d <= '9'; d++) {
          out.add(k.substring(0, p) + d + k.substring(p)); // a digit dropped
          if (p < k.length() && k.charAt(p) != d) {
            out.add(k.substring(0, p) + d + k.substring(p + 1)); // a digit changed
          }
        }
        if (p < k.length()) {
          out.add(k.substring(0, p) + k.substring(p + 1)); // a digit doubled
        }
        if (p + 1 < k.length() && k.charAt(p) != k.charAt(p + 1)) {
          out.add(k.substring(0, p) + k.charAt(p + 1) + k.charAt(p) + k.substring(p + 2));
        }
      }
      out.remove(k);
    }
    return out;
  }

  /**
   * Whether {@code a} becomes {@code b} by exactly one change, swap of neighbours, insertion or
   * deletion of a character.
   */
  static boolean oneEditApart(String a, String b) {
    if (a.equals(b) || Math.abs(a.length() - b.length()) > 1) {
      return false;
    }
    int i = 0;
    while (i < Math.min(a.length(), b.length()) && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (a.length() == b.length()) {
      if (a.substring(i + 1).equals(b.substring(i + 1))) {
        return true;
      }
      return i + 1 < a.length()
          && a.charAt(i) == b.charAt(i + 1)
          && a.charAt(i + 1) == b.charAt(i)
          && a.substring(i + 2).equals(b.substring(i + 2));
    }
    String longer = a.length() > b.length() ? a : b;
    String shorter = a.length() > b.length() ? b : a;
    return longer.substring(i + 1).equals(shorter.substring(i));
  }
}
