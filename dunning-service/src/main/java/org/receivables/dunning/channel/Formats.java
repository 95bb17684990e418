package org.receivables.dunning.channel;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Amounts and dates as a French or English reader expects them; plain spaces only (PDF-safe). */
public final class Formats {

  private Formats() {}

  public static String amount(BigDecimal value, String currency, String lang) {
    DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
    if ("fr".equals(lang)) {
      symbols.setDecimalSeparator(',');
      symbols.setGroupingSeparator(' ');
    } else {
      symbols.setDecimalSeparator('.');
      symbols.setGroupingSeparator(',');
    }
    DecimalFormat format = new DecimalFormat("#,##0.00", symbols);
    return format.format(value) + " " + currency;
  }

  public static String date(LocalDate date, String lang) {
    return date.format(
        DateTimeFormatter.ofPattern(
            "fr".equals(lang) ? "dd/MM/yyyy" : "d MMM yyyy", Locale.ENGLISH));
  }

  public static String pad(String text, int width, boolean right) {
    if (text.length() >= width) {
      return text.substring(0, width);
    }
    String fill = " ".repeat(width - text.length());
    return right ? fill + text : text + fill;
  }
}
