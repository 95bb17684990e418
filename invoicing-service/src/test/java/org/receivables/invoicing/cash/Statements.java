package org.receivables.invoicing.cash;

import java.util.List;

/** Statements written by hand for the tests, in each format and version the service claims. */
final class Statements {

  /** One entry: amount, CRDT/DBIT, references, payer and remittance text. */
  record Entry(
      String ref,
      String amount,
      String side,
      boolean reversal,
      String payer,
      String iban,
      String text,
      String endToEnd) {

    static Entry credit(String ref, String amount, String payer, String iban, String text) {
      return new Entry(ref, amount, "CRDT", false, payer, iban, text, "E2E-" + ref);
    }

    static Entry debit(String ref, String amount, String text) {
      return new Entry(ref, amount, "DBIT", false, null, null, text, "E2E-" + ref);
    }
  }

  private Statements() {}

  static String camt053(
      int version,
      String stmtId,
      String iban,
      String opening,
      String closing,
      List<Entry> entries) {
    String v = String.format("%02d", version);
    StringBuilder x = new StringBuilder();
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.")
        .append(v)
        .append("\">")
        .append("<BkToCstmrStmt><GrpHdr><MsgId>MSG-")
        .append(stmtId)
        .append("</MsgId>")
        .append("<CreDtTm>2026-11-30T18:00:00</CreDtTm></GrpHdr>")
        .append("<Stmt><Id>")
        .append(stmtId)
        .append("</Id><CreDtTm>2026-11-30T18:00:00</CreDtTm>")
        .append(account(iban))
        .append(balance("OPBD", opening))
        .append(balance("CLBD", closing));
    for (Entry e : entries) {
      x.append(entry(version, e));
    }
    return x.append("</Stmt></BkToCstmrStmt></Document>").toString();
  }

  static String camt054(int version, String id, String iban, List<Entry> entries) {
    String v = String.format("%02d", version);
    StringBuilder x = new StringBuilder();
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.")
        .append(v)
        .append("\">")
        .append("<BkToCstmrDbtCdtNtfctn><GrpHdr><MsgId>MSG-")
        .append(id)
        .append("</MsgId>")
        .append("<CreDtTm>2026-11-30T18:00:00</CreDtTm></GrpHdr>")
        .append("<Ntfctn><Id>")
        .append(id)
        .append("</Id><CreDtTm>2026-11-30T18:00:00</CreDtTm>")
        .append(account(iban));
    for (Entry e : entries) {
      x.append(entry(version, e));
    }
    return x.append("</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>").toString();
  }

  private static String account(String iban) {
    return "<Acct><Id><IBAN>" + iban + "</IBAN></Id><Ccy>EUR</Ccy></Acct>";
  }

  private static String balance(String code, String amount) {
    boolean negative = amount.startsWith("-");
    return "<Bal><Tp><CdOrPrtry><Cd>"
        + code
        + "</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">"
        + (negative ? amount.substring(1) : amount)
        + "</Amt><CdtDbtInd>"
        + (negative ? "DBIT" : "CRDT")
        + "</CdtDbtInd><Dt><Dt>2026-11-30</Dt></Dt></Bal>";
  }

  private static String entry(int version, Entry e) {
    // Versions up to .06 carry the status as a code and the debtor's name directly; later ones
    // wrap both in a choice.
    String sts = version <= 6 ? "<Sts>BOOK</Sts>" : "<Sts><Cd>BOOK</Cd></Sts>";
    String dbtr =
        e.payer() == null
            ? ""
            : version <= 6
                ? "<Dbtr><Nm>" + e.payer() + "</Nm></Dbtr>"
                : "<Dbtr><Pty><Nm>" + e.payer() + "</Nm></Pty></Dbtr>";
    String acct =
        e.iban() == null ? "" : "<DbtrAcct><Id><IBAN>" + e.iban() + "</IBAN></Id></DbtrAcct>";
    return "<Ntry><NtryRef>"
        + e.ref()
        + "</NtryRef><Amt Ccy=\"EUR\">"
        + e.amount()
        + "</Amt>"
        + "<CdtDbtInd>"
        + e.side()
        + "</CdtDbtInd>"
        + (e.reversal() ? "<RvslInd>true</RvslInd>" : "")
        + sts
        + "<BookgDt><Dt>2026-11-28</Dt></BookgDt><ValDt><Dt>2026-11-28</Dt></ValDt>"
        + "<AcctSvcrRef>BANK-"
        + e.ref()
        + "</AcctSvcrRef>"
        + "<NtryDtls><TxDtls><Refs><EndToEndId>"
        + e.endToEnd()
        + "</EndToEndId></Refs>"
        + (dbtr.isEmpty() && acct.isEmpty() ? "" : "<RltdPties>" + dbtr + acct + "</RltdPties>")
        + (e.text() == null ? "" : "<RmtInf><Ustrd>" + e.text() + "</Ustrd></RmtInf>")
        + "</TxDtls></NtryDtls></Ntry>";
  }

  /** A CFONB 120 statement: 01 old balance, one 04 (+05 payer name) per credit, 07 new balance. */
  static String cfonb120(String account, String opening, List<String[]> credits) {
    StringBuilder s = new StringBuilder();
    s.append(record("01", account, "271126", opening, "", "", "")).append("\r\n");
    java.math.BigDecimal total = new java.math.BigDecimal(opening);
    int n = 1;
    for (String[] c : credits) { // {amount, label, payer, reference}
      s.append(record("04", account, "281126", c[0], c[1], String.format("%07d", n++), c[3]))
          .append("\r\n");
      String info = String.format("%-70s", c[2]);
      String r05 =
          pad(
              "05" + "30004" + "0000" + "00001" + "EUR" + "2" + " " + account + "  " + "281126"
                  + "     " + "NPY" + info,
              120);
      s.append(r05).append("\r\n");
      total = total.add(new java.math.BigDecimal(c[0]));
    }
    s.append(record("07", account, "301126", total.toPlainString(), "", "", "")).append("\r\n");
    return s.toString();
  }

  private static String record(
      String code,
      String account,
      String ddmmyy,
      String amount,
      String label,
      String number,
      String ref) {
    String r =
        code
            + "30004"
            + "0000"
            + "00001"
            + "EUR"
            + "2"
            + " "
            + account
            + "  "
            + ddmmyy
            + "  "
            + ddmmyy
            + String.format("%-31s", label)
            + "  "
            + String.format("%7s", number)
            + " "
            + " "
            + signed(amount)
            + String.format("%-16s", ref);
    return pad(r, 120);
  }

  private static String pad(String s, int n) {
    if (s.length() > n) {
      throw new IllegalArgumentException("record longer than " + n + ": " + s.length());
    }
    return String.format("%-" + n + "s", s);
  }

  /** 14 characters, two decimals, the last digit and sign folded into one letter. */
  static String signed(String amount) {
    java.math.BigDecimal v = new java.math.BigDecimal(amount).movePointRight(2);
    boolean negative = v.signum() < 0;
    String digits = String.format("%014d", v.abs().longValueExact());
    int last = digits.charAt(13) - '0';
    char sign =
        negative
            ? (last == 0 ? '}' : (char) ('J' + last - 1))
            : (last == 0 ? '{' : (char) ('A' + last - 1));
    return digits.substring(0, 13) + sign;
  }
}
