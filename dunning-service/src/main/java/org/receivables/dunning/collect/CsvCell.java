package org.receivables.dunning.collect;

/**
 * One cell of the hand-over CSV that a collector opens in a spreadsheet: a value starting with a
 * character that spreadsheets read as the start of a formula ({@code = + - @}, and a leading TAB or
 * carriage return, which some of them skip before looking) gets a leading apostrophe, so a debtor's
 * name like {@code =HYPERLINK(...)} stays text (CSV/formula injection). Cells holding the
 * separator, a quote or a line break are quoted.
 */
final class CsvCell {

  private static final String FORMULA_START = "=+-@\t\r";

  private CsvCell() {}

  static String of(String value) {
    if (value == null) {
      return "";
    }
    String s = value.replace("\"", "\"\"");
    if (!s.isEmpty() && FORMULA_START.indexOf(s.charAt(0)) >= 0) {
      s = "'" + s;
    }
    boolean quote = s.contains(";") || s.contains("\n") || s.contains("\r") || s.contains("\"");
    return quote ? "\"" + s + "\"" : s;
  }
}
