package org.receivables.invoicing.cash.match;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Invoice numbers as a transfer text may carry them: case, spaces, dashes and prefixes vary ("fac F
 * 2026-0001", "INV20260001"), so both sides are reduced to keys: letters and digits only, and
 * digits only. The text yields every run of up to four consecutive words joined, so that numbers
 * split by spaces are found and several numbers in one text are all found.
 */
public record InvoiceNumberKeys(Set<String> alnum, Set<String> digits) {

  static final int MAX_WORDS = 4;

  /** Shorter digit keys (a day, an amount's cents) would match by chance. */
  static final int MIN_DIGITS = 5;

  /**
   * Words debtors glue in front of a number ("INVF20260001", "FACF-2026-0001"): a run starting with
   * one also yields the rest as a key. Longest first, so that "FACTURE" is not read as "FAC".
   */
  static final List<String> GLUED_PREFIXES =
      List.of("FACTURE", "INVOICE", "FACT", "FAC", "INV", "REF");

  /** ASCII letters (upper-cased) and digits only; a loop, as it runs for every number read. */
  public static String alnumKey(String number) {
    StringBuilder key = new StringBuilder(number.length());
    for (int i = 0; i < number.length(); i++) {
      char c = number.charAt(i);
      if (c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
        key.append(c);
      } else if (c >= 'a' && c <= 'z') {
        key.append((char) (c - 'a' + 'A'));
      }
    }
    return key.toString();
  }

  /** ASCII digits only. */
  public static String digitKey(String number) {
    StringBuilder key = new StringBuilder(number.length());
    for (int i = 0; i < number.length(); i++) {
      char c = number.charAt(i);
      if (c >= '0' && c <= '9') {
        key.append(c);
      }
    }
    return key.toString();
  }

  public static InvoiceNumberKeys fromText(String text) {
    Set<String> alnum = new LinkedHashSet<>();
    Set<String> digits = new LinkedHashSet<>();
    if (text == null) {
      return new InvoiceNumberKeys(alnum, digits);
    }
    List<String> words =
        List.of(text.toUpperCase(Locale.ROOT).split("[^A-Z0-9]+")).stream()
            .filter(w -> !w.isEmpty())
            .toList();
    for (int i = 0; i < words.size(); i++) {
      StringBuilder a = new StringBuilder();
      StringBuilder d = new StringBuilder();
      boolean digitRun = true; // a digits run stops at the first word without digits
      for (int j = i; j < Math.min(words.size(), i + MAX_WORDS); j++) {
        a.append(words.get(j));
        if (a.length() >= 3 && a.chars().anyMatch(Character::isDigit)) {
          alnum.add(a.toString());
          unglued(a.toString(), alnum);
        }
        String wordDigits = digitKey(words.get(j));
        digitRun = digitRun && !wordDigits.isEmpty();
        if (digitRun) {
          d.append(wordDigits);
          if (d.length() >= MIN_DIGITS) {
            digits.add(d.toString());
          }
        }
      }
    }
    return new InvoiceNumberKeys(alnum, digits);
  }

  /** The key without the glued prefix it starts with, when what is left still looks a number. */
  private static void unglued(String key, Set<String> alnum) {
    for (String p : GLUED_PREFIXES) {
      if (key.startsWith(p)) {
        String rest = key.substring(p.length());
        if (rest.length() >= 3 && rest.chars().anyMatch(Character::isDigit)) {
          alnum.add(rest);
        }
        return;
      }
    }
  }
}
