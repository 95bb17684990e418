package org.receivables.invoicing.cash;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ISO 11649 structured creditor reference ({@code RF} + two check digits + up to 21 letters or
 * digits). Debtors copy it into their transfer; its check digits (ISO 7064 MOD 97-10, as in an
 * IBAN) let the matcher tell a reference from a typo, which is why it is the strongest evidence.
 *
 * <p>An invoice's reference is derived from its id alone, so that the migration that back-filled
 * existing invoices ({@code cash_creditor_reference} in V7) and the code that issues new ones agree
 * without a lookup table: the 128 bits of the id modulo 36<sup>16</sup>, written in 16 base-36
 * characters.
 */
public final class CreditorReference {

  static final int INVOICE_BODY_LENGTH = 16;
  private static final BigInteger BODY_SPACE = BigInteger.valueOf(36).pow(INVOICE_BODY_LENGTH);
  // Printed references come in groups of four; a scan tolerates the spaces between them.
  private static final Pattern IN_TEXT =
      Pattern.compile("RF\\s?[0-9]{2}(?:\\s?[A-Z0-9]){1,21}", Pattern.CASE_INSENSITIVE);

  private CreditorReference() {}

  /** The reference of the invoice with this id. */
  public static String forInvoice(UUID id) {
    ByteBuffer bytes = ByteBuffer.allocate(16);
    bytes.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    String body = new BigInteger(1, bytes.array()).mod(BODY_SPACE).toString(36);
    return withCheckDigits(
        "0".repeat(INVOICE_BODY_LENGTH - body.length()) + body.toUpperCase(Locale.ROOT));
  }

  /** {@code RF} + check digits + {@code body} (1 to 21 letters or digits). */
  public static String withCheckDigits(String body) {
    if (!body.matches("[A-Z0-9]{1,21}")) {
      throw new IllegalArgumentException("A reference body is 1 to 21 capital letters or digits");
    }
    int check = 98 - mod97(body + "RF00");
    return "RF" + (check < 10 ? "0" : "") + check + body;
  }

  /** Whether {@code text} (spaces and case ignored) is a reference with valid check digits. */
  public static boolean isValid(String text) {
    if (text == null) {
      return false;
    }
    String ref = electronic(text);
    return ref.matches("RF[0-9]{2}[A-Z0-9]{1,21}")
        && mod97(ref.substring(4) + ref.substring(0, 4)) == 1;
  }

  /** The electronic form: upper case, no spaces. */
  public static String electronic(String text) {
    return text.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
  }

  /** The printed form: groups of four characters. */
  public static String printed(String reference) {
    return electronic(reference).replaceAll("(.{4})(?!$)", "$1 ");
  }

  /**
   * Every valid reference in a free text, in electronic form. A greedy match that runs into the
   * next word is shortened, at its spaces, until its check digits hold, so "RF18 5390 0754 7034
   * PAID" still finds the reference; candidates whose check digits never hold are returned by
   * {@link #invalidIn}.
   */
  public static List<String> findIn(String text) {
    List<String> found = new ArrayList<>();
    scan(text, found, new ArrayList<>());
    return found;
  }

  /** What looks like a reference in {@code text} but fails its check digits. */
  public static List<String> invalidIn(String text) {
    List<String> invalid = new ArrayList<>();
    scan(text, new ArrayList<>(), invalid);
    return invalid;
  }

  private static void scan(String text, List<String> valid, List<String> invalid) {
    if (text == null) {
      return;
    }
    Matcher m = IN_TEXT.matcher(text);
    while (m.find()) {
      String raw = m.group();
      Optional<String> ok = Optional.empty();
      // Cut only where the text had a space: a cut anywhere would pass the check by chance (1/97).
      for (int end = raw.length(); end >= 5 && ok.isEmpty(); end = raw.lastIndexOf(' ', end - 1)) {
        if (isValid(raw.substring(0, end))) {
          ok = Optional.of(electronic(raw.substring(0, end)));
        }
      }
      if (ok.isPresent()) {
        if (!valid.contains(ok.get())) {
          valid.add(ok.get());
        }
      } else {
        invalid.add(electronic(raw));
      }
    }
  }

  /** ISO 7064 MOD 97-10 of letters (A = 10 ... Z = 35) and digits, digit by digit. */
  private static int mod97(String s) {
    int r = 0;
    for (int i = 0; i < s.length(); i++) {
      int v = Character.digit(s.charAt(i), 36);
      r = v < 10 ? (r * 10 + v) % 97 : (r * 100 + v) % 97;
    }
    return r;
  }
}
