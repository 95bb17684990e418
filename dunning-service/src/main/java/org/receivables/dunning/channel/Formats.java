package org.receivables.dunning.channel;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Amounts and dates as a French or English reader expects them; plain spaces only (PDF-safe). */
public final class Formats {

  /** The conventions of one language; French is the default, as for messages. */
  private enum Style {
    FR(',', ' ', "dd/MM/yyyy"),
    EN('.', ',', "d MMM yyyy");

    final char decimal;
    final char grouping;
    final DateTimeFormatter dates;

    Style(char decimal, char grouping, String datePattern) {
      this.decimal = decimal;
      this.grouping = grouping;
      this.dates = DateTimeFormatter.ofPattern(datePattern, Locale.ENGLISH);
    }

    static Style of(String lang) {
      return lang != null && lang.equalsIgnoreCase("en") ? EN : FR;
    }
  }

  private Formats() {}

  public static String amount(BigDecimal value, String currency, String lang) {
    Style style = Style.of(lang);
    DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
    symbols.setDecimalSeparator(style.decimal);
    symbols.setGroupingSeparator(style.grouping);
    DecimalFormat format = new DecimalFormat("#,##0.00", symbols);
    return format.format(value) + " " + currency;
  }

  public static String date(LocalDate date, String lang) {
    return date.format(Style.of(lang).dates);
  }

  public static String pad(String text, int width, boolean right) {
    if (text.length() >= width) {
      return text.substring(0, width);
    }
    String fill = " ".repeat(width - text.length());
    return right ? fill + text : text + fill;
  }
}
