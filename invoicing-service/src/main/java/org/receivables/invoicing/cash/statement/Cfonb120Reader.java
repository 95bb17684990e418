package org.receivables.invoicing.cash.statement;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CFONB 120 account statement (the French banks' "relevé de compte 120 caractères"): record
 * 01 the old balance, 04 a movement, 05 its complements (payer name, remittance text), 07 the new
 * balance. Amounts are 14 characters whose last one carries the sign and last digit ({@code {}A-I}
 * positive, {@code }J-R} negative), with the decimals the record states.
 */
public final class Cfonb120Reader {

  private static final DateTimeFormatter DDMMYY = DateTimeFormatter.ofPattern("ddMMyy");

  private Cfonb120Reader() {}

  public static ParsedStatement read(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    String account = null;
    String currency = null;
    BigDecimal opening = null;
    BigDecimal closing = null;
    LocalDate openingDate = null;
    LocalDate closingDate = null;
    List<Movement> movements = new ArrayList<>();
    int lineNo = 0;
    for (String raw : text.split("\r?\n")) {
      lineNo++;
      if (raw.isBlank()) {
        continue;
      }
      if (raw.length() != 120) {
        throw new StatementFormatException(
            "line " + lineNo + " has " + raw.length() + " characters, CFONB 120 needs 120");
      }
      String code = raw.substring(0, 2);
      String acct = raw.substring(2, 7) + "-" + raw.substring(11, 16) + "-" + raw.substring(21, 32);
      switch (code) {
        case "01" -> {
          account = acct;
          currency = raw.substring(16, 19);
          opening = amount(raw, lineNo);
          openingDate = date(raw.substring(34, 40), lineNo);
        }
        case "04" -> {
          if (account == null) {
            throw new StatementFormatException("line " + lineNo + ": a movement before record 01");
          }
          movements.add(new Movement(raw, lineNo, new StringBuilder(), new String[1]));
        }
        case "05" -> {
          if (movements.isEmpty()) {
            throw new StatementFormatException("line " + lineNo + ": record 05 before any 04");
          }
          Movement last = movements.get(movements.size() - 1);
          String qualifier = raw.substring(45, 48);
          String info = raw.substring(48, 118).strip();
          if ("NPY".equals(qualifier)) {
            last.payer()[0] = info;
          } else if (!info.isEmpty()) {
            last.text().append(' ').append(info);
          }
        }
        case "07" -> {
          closing = amount(raw, lineNo);
          closingDate = date(raw.substring(34, 40), lineNo);
        }
        default ->
            throw new StatementFormatException(
                "line " + lineNo + ": record code " + code + " is not CFONB 120 (01, 04, 05, 07)");
      }
    }
    if (account == null || closing == null) {
      throw new StatementFormatException("a CFONB 120 statement needs records 01 and 07");
    }
    List<ParsedStatement.Entry> entries = new ArrayList<>();
    for (Movement m : movements) {
      entries.add(m.entry(account, currency));
    }
    String key = "cfonb:" + openingDate + ":" + closingDate + ":" + opening.toPlainString();
    return new ParsedStatement("cfonb120", account, key, currency, opening, closing, entries);
  }

  private record Movement(String raw, int lineNo, StringBuilder text, String[] payer) {
    ParsedStatement.Entry entry(String account, String currency) {
      BigDecimal signed = amount(raw, lineNo);
      LocalDate booked = date(raw.substring(34, 40), lineNo);
      String label = raw.substring(48, 79).strip();
      String number = raw.substring(81, 88).strip();
      String reference = raw.substring(104, 120).strip();
      String remittance = (label + text).strip();
      String key =
          "cfonb:"
              + booked
              + ":"
              + number
              + ":"
              + signed.toPlainString()
              + ":"
              + (reference.isEmpty() ? CamtReader.digest(remittance) : reference);
      return new ParsedStatement.Entry(
          key,
          reference.isEmpty() ? number : reference,
          signed.abs(),
          currency,
          signed.signum() > 0,
          false,
          true,
          booked,
          payer[0],
          null,
          remittance.isEmpty() ? null : remittance,
          null);
    }
  }

  /** Positions 91-104: 13 digits and a sign-carrying last character; decimals at position 20. */
  static BigDecimal amount(String raw, int lineNo) {
    String field = raw.substring(90, 104);
    char last = field.charAt(13);
    int digit;
    boolean negative;
    if (last == '{') {
      digit = 0;
      negative = false;
    } else if (last == '}') {
      digit = 0;
      negative = true;
    } else if (last >= 'A' && last <= 'I') {
      digit = last - 'A' + 1;
      negative = false;
    } else if (last >= 'J' && last <= 'R') {
      digit = last - 'J' + 1;
      negative = true;
    } else {
      throw new StatementFormatException("line " + lineNo + ": amount sign '" + last + "' unknown");
    }
    String digits = field.substring(0, 13) + digit;
    char dec = raw.charAt(19);
    if (!digits.chars().allMatch(Character::isDigit) || !Character.isDigit(dec)) {
      throw new StatementFormatException("line " + lineNo + ": amount is not numeric");
    }
    BigDecimal v = new BigDecimal(new java.math.BigInteger(digits), dec - '0');
    return negative ? v.negate() : v;
  }

  private static LocalDate date(String ddmmyy, int lineNo) {
    try {
      return LocalDate.parse(ddmmyy, DDMMYY);
    } catch (DateTimeParseException e) {
      throw new StatementFormatException(
          "line " + lineNo + ": date '" + ddmmyy + "' is not DDMMYY");
    }
  }
}
