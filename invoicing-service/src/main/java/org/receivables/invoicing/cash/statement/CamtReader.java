package org.receivables.invoicing.cash.statement;

import com.prowidesoftware.swift.model.mx.AbstractMX;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Document;

/**
 * Reads ISO 20022 camt.053 (bank to customer statement, versions .02 to .13) and camt.054 (debit
 * and credit notification) into a {@link ParsedStatement}. The XML is parsed once, securely, by
 * {@link SecureXml}; Prowide's JAXB classes, generated from the official ISO 20022 schemas, then
 * bind it, which both recognises the message version from its namespace and refuses elements the
 * schema does not have where they matter.
 */
public final class CamtReader {

  private static final Pattern SUPPORTED = Pattern.compile("MxCamt05([34])001(\\d\\d)");

  private CamtReader() {}

  public static ParsedStatement read(byte[] xml) {
    Document doc = SecureXml.parse(xml);
    AbstractMX mx;
    try {
      mx = AbstractMX.parse(doc.getDocumentElement());
    } catch (RuntimeException e) {
      throw new StatementFormatException("not a readable ISO 20022 message: " + e.getMessage(), e);
    }
    String ns = doc.getDocumentElement().getNamespaceURI();
    Matcher m = mx == null ? null : SUPPORTED.matcher(mx.getClass().getSimpleName());
    if (m == null || !m.matches() || ("3".equals(m.group(1)) && Integer.parseInt(m.group(2)) < 2)) {
      throw new StatementFormatException(
          "not a camt.053 (versions .02 to .13) or camt.054 document"
              + (ns == null ? "" : " (namespace " + ns + ")"));
    }
    boolean statement = "3".equals(m.group(1));
    String format = "camt.05" + m.group(1) + ".001." + m.group(2);
    Object body =
        statement ? Beans.get(mx, "BkToCstmrStmt") : Beans.get(mx, "BkToCstmrDbtCdtNtfctn");
    List<?> reports = Beans.list(body, statement ? "Stmt" : "Ntfctn");
    if (reports.size() != 1) {
      throw new StatementFormatException(
          "one statement per upload, this document has " + reports.size());
    }
    return statement(format, reports.get(0));
  }

  private static ParsedStatement statement(String format, Object stmt) {
    String account = Beans.text(Beans.get(stmt, "Acct", "Id", "IBAN"));
    if (account == null) {
      account = Beans.text(Beans.get(stmt, "Acct", "Id", "Othr", "Id"));
    }
    String id = Beans.text(Beans.get(stmt, "Id"));
    if (account == null || id == null) {
      throw new StatementFormatException("the statement names no account or has no Id");
    }
    String currency = Beans.text(Beans.get(stmt, "Acct", "Ccy"));
    BigDecimal opening = null;
    BigDecimal closing = null;
    for (Object bal : Beans.list(stmt, "Bal")) {
      String type = Beans.code(Beans.get(bal, "Tp", "CdOrPrtry"));
      BigDecimal amount = signed(bal);
      if (("OPBD".equals(type) || "PRCD".equals(type)) && opening == null) {
        opening = amount;
      } else if ("CLBD".equals(type)) {
        closing = amount;
      }
      if (currency == null) {
        currency = Beans.text(Beans.get(bal, "Amt", "Ccy"));
      }
    }
    List<ParsedStatement.Entry> entries = new ArrayList<>();
    int n = 0;
    for (Object ntry : Beans.list(stmt, "Ntry")) {
      entries.add(entry(account, ntry, n++));
    }
    if (currency == null && !entries.isEmpty()) {
      currency = entries.get(0).currency();
    }
    return new ParsedStatement(format, account, id, currency, opening, closing, entries);
  }

  private static ParsedStatement.Entry entry(String account, Object ntry, int index) {
    BigDecimal amount = (BigDecimal) Beans.get(ntry, "Amt", "Value");
    String currency = Beans.text(Beans.get(ntry, "Amt", "Ccy"));
    String side = Beans.code(Beans.get(ntry, "CdtDbtInd"));
    if (amount == null || currency == null || side == null) {
      throw new StatementFormatException("entry " + (index + 1) + " has no amount or direction");
    }
    LocalDate booked = date(Beans.get(ntry, "BookgDt"));
    if (booked == null) {
      booked = date(Beans.get(ntry, "ValDt"));
    }
    if (booked == null) {
      throw new StatementFormatException("entry " + (index + 1) + " has no booking date");
    }
    String ntryRef = Beans.text(Beans.get(ntry, "NtryRef"));
    String acctSvcrRef = Beans.text(Beans.get(ntry, "AcctSvcrRef"));
    String name = null;
    String iban = null;
    String endToEnd = null;
    List<String> remittance = new ArrayList<>();
    for (Object details : Beans.list(ntry, "NtryDtls")) {
      for (Object tx : Beans.list(details, "TxDtls")) {
        Object parties = Beans.get(tx, "RltdPties");
        if (name == null) {
          name = Beans.text(Beans.get(parties, "Dbtr", "Nm"));
        }
        if (name == null) {
          name = Beans.text(Beans.get(parties, "Dbtr", "Pty", "Nm"));
        }
        if (iban == null) {
          iban = Beans.text(Beans.get(parties, "DbtrAcct", "Id", "IBAN"));
        }
        if (endToEnd == null) {
          endToEnd = Beans.text(Beans.get(tx, "Refs", "EndToEndId"));
        }
        Object rmt = Beans.get(tx, "RmtInf");
        for (Object u : Beans.list(rmt, "Ustrd")) {
          remittance.add(u.toString());
        }
        for (Object strd : Beans.list(rmt, "Strd")) {
          String ref = Beans.text(Beans.get(strd, "CdtrRefInf", "Ref"));
          if (ref != null) {
            remittance.add(ref);
          }
          for (Object doc : Beans.list(strd, "RfrdDocInf")) {
            String nb = Beans.text(Beans.get(doc, "Nb"));
            if (nb != null) {
              remittance.add(nb);
            }
          }
        }
      }
    }
    String info = Beans.text(Beans.get(ntry, "AddtlNtryInf"));
    if (info != null) {
      remittance.add(info);
    }
    String status = Beans.code(Beans.get(ntry, "Sts"));
    Boolean reversal = (Boolean) Beans.get(ntry, "RvslInd");
    String text = remittance.isEmpty() ? null : String.join(" ", remittance);
    String key = ntryRef != null ? ntryRef : acctSvcrRef;
    if (key == null) {
      // No bank reference: a digest of what the entry says stands in, the same in an overlapping
      // statement (two identical unreferenced entries of one day count once: never applied twice).
      key =
          "digest:"
              + digest(
                  account
                      + "|"
                      + booked
                      + "|"
                      + amount.toPlainString()
                      + "|"
                      + side
                      + "|"
                      + text
                      + "|"
                      + endToEnd);
    }
    return new ParsedStatement.Entry(
        key,
        ntryRef != null ? ntryRef : acctSvcrRef,
        amount,
        currency,
        "CRDT".equals(side),
        Boolean.TRUE.equals(reversal),
        status == null || "BOOK".equals(status),
        booked,
        name,
        iban,
        text,
        endToEnd);
  }

  private static BigDecimal signed(Object balance) {
    BigDecimal amount = (BigDecimal) Beans.get(balance, "Amt", "Value");
    if (amount == null) {
      throw new StatementFormatException("a balance has no amount");
    }
    return "DBIT".equals(Beans.code(Beans.get(balance, "CdtDbtInd"))) ? amount.negate() : amount;
  }

  private static LocalDate date(Object choice) {
    Object d = Beans.get(choice, "Dt");
    if (d instanceof LocalDate date) {
      return date;
    }
    Object dt = Beans.get(choice, "DtTm");
    return dt instanceof OffsetDateTime t ? t.toLocalDate() : null;
  }

  static String digest(String s) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
