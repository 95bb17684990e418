package org.receivables.kit.replica;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.receivables.events.InvoiceIssued;

/**
 * The SQL of the invoice replica on a plain JDBC connection, and its one row mapping: {@link
 * InvoiceReplica} runs it on the transaction's connection, tests on their own. Each update names
 * its invoice by (tenant, id) and reports an unknown one; none creates a placeholder.
 */
final class InvoiceReplicaRows {

  private static final String COLUMNS =
      "tenant_id, invoice_id, customer_id, number, currency, issue_date, due_date, total_incl_tax,"
          + " outstanding, status, disputed, updated_at";

  private InvoiceReplicaRows() {}

  /**
   * Inserts an issued invoice; empty when it is already there (issued twice under two event ids:
   * the first stays).
   */
  static Optional<ReplicaInvoice> issue(Connection c, InvoiceIssued e, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into invoice_replica ("
                + COLUMNS
                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', false, ?) on conflict do nothing"
                + " returning "
                + COLUMNS)) {
      ps.setString(1, e.tenantId());
      ps.setString(2, e.invoiceId());
      ps.setString(3, e.customerId());
      ps.setString(4, e.number());
      ps.setString(5, e.currency());
      ps.setObject(6, e.issueDate());
      ps.setObject(7, e.dueDate());
      ps.setBigDecimal(8, e.totalInclTax());
      ps.setBigDecimal(9, e.outstanding() == null ? e.totalInclTax() : e.outstanding());
      ps.setTimestamp(10, Timestamp.from(now));
      return read(ps).stream().findFirst();
    }
  }

  /**
   * Inserts issued invoices of one tenant in one statement; returns the ids inserted (an invoice
   * already there, or listed twice, keeps its first issue).
   */
  static Set<String> issueAll(Connection c, List<InvoiceIssued> issues, Instant now)
      throws SQLException {
    int n = issues.size();
    String[][] text = new String[6][n];
    Object[][] dates = new Object[2][n];
    BigDecimal[][] amounts = new BigDecimal[2][n];
    for (int i = 0; i < n; i++) {
      InvoiceIssued e = issues.get(i);
      text[0][i] = e.tenantId();
      text[1][i] = e.invoiceId();
      text[2][i] = e.customerId();
      text[3][i] = e.number();
      text[4][i] = e.currency();
      dates[0][i] = e.issueDate().toString();
      dates[1][i] = e.dueDate().toString();
      amounts[0][i] = e.totalInclTax();
      amounts[1][i] = e.outstanding() == null ? e.totalInclTax() : e.outstanding();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into invoice_replica ("
                + COLUMNS
                + ") select t.tenant, t.invoice, t.customer, t.number, t.currency, t.issued, t.due,"
                + " t.total, t.outstanding, 'OPEN', false, ? from unnest(cast(? as text[]),"
                + " cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),"
                + " cast(? as date[]), cast(? as date[]), cast(? as numeric[]), cast(? as"
                + " numeric[])) as t(tenant, invoice, customer, number, currency, issued, due,"
                + " total, outstanding) on conflict do nothing returning invoice_id")) {
      ps.setTimestamp(1, Timestamp.from(now));
      for (int k = 0; k < 5; k++) {
        ps.setArray(2 + k, c.createArrayOf("text", text[k]));
      }
      ps.setArray(7, c.createArrayOf("text", dates[0]));
      ps.setArray(8, c.createArrayOf("text", dates[1]));
      ps.setArray(9, c.createArrayOf("numeric", amounts[0]));
      ps.setArray(10, c.createArrayOf("numeric", amounts[1]));
      Set<String> inserted = new HashSet<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          inserted.add(rs.getString("invoice_id"));
        }
      }
      return inserted;
    }
  }

  /**
   * Sets what is owed and the status as an event stated them; a null keeps the known value (an
   * older event without the figure asserts nothing).
   */
  static ReplicaInvoice balance(
      Connection c,
      String tenant,
      String invoice,
      BigDecimal outstanding,
      String status,
      Instant now)
      throws SQLException {
    return update(
        c,
        "outstanding = coalesce(?, outstanding), status = coalesce(?, status)",
        tenant,
        invoice,
        now,
        outstanding,
        status);
  }

  static ReplicaInvoice dueDate(
      Connection c, String tenant, String invoice, LocalDate due, Instant now) throws SQLException {
    return update(c, "due_date = ?", tenant, invoice, now, due);
  }

  static ReplicaInvoice disputed(
      Connection c, String tenant, String invoice, boolean disputed, Instant now)
      throws SQLException {
    return update(c, "disputed = ?", tenant, invoice, now, disputed);
  }

  /** Updates the invoice and returns it as it now stands, in one statement. */
  private static ReplicaInvoice update(
      Connection c, String set, String tenant, String invoice, Instant now, Object... values)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update invoice_replica set "
                + set
                + ", updated_at = ? where tenant_id = ? and invoice_id = ? returning "
                + COLUMNS)) {
      int i = 1;
      for (Object value : values) {
        ps.setObject(i++, value);
      }
      ps.setTimestamp(i++, Timestamp.from(now));
      ps.setString(i++, tenant);
      ps.setString(i, invoice);
      return read(ps).stream()
          .findFirst()
          .orElseThrow(() -> new UnknownInvoiceException(tenant, invoice));
    }
  }

  static Optional<ReplicaInvoice> find(Connection c, String tenant, String invoice)
      throws SQLException {
    List<ReplicaInvoice> found =
        query(
            c,
            "select " + COLUMNS + " from invoice_replica where tenant_id = ? and invoice_id = ?",
            tenant,
            invoice);
    return found.stream().findFirst();
  }

  /** The invoices among {@code ids} that are known, in id order. */
  static List<ReplicaInvoice> findAll(Connection c, String tenant, Collection<String> ids)
      throws SQLException {
    if (ids.isEmpty()) {
      return List.of();
    }
    return query(
        c,
        "select "
            + COLUMNS
            + " from invoice_replica where tenant_id = ? and invoice_id = any (?) order by"
            + " invoice_id",
        tenant,
        c.createArrayOf("text", ids.toArray()));
  }

  /** The customer's invoices, oldest first. */
  static List<ReplicaInvoice> ofCustomer(Connection c, String tenant, String customer)
      throws SQLException {
    return query(
        c,
        "select "
            + COLUMNS
            + " from invoice_replica where tenant_id = ? and customer_id = ? order by issue_date,"
            + " invoice_id",
        tenant,
        customer);
  }

  private static List<ReplicaInvoice> query(Connection c, String sql, Object... params)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      return read(ps);
    }
  }

  private static List<ReplicaInvoice> read(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      List<ReplicaInvoice> out = new ArrayList<>();
      while (rs.next()) {
        out.add(invoice(rs));
      }
      return out;
    }
  }

  private static ReplicaInvoice invoice(ResultSet rs) throws SQLException {
    return new ReplicaInvoice(
        rs.getString("tenant_id"),
        rs.getString("invoice_id"),
        rs.getString("customer_id"),
        rs.getString("number"),
        rs.getString("currency"),
        rs.getObject("issue_date", LocalDate.class),
        rs.getObject("due_date", LocalDate.class),
        rs.getBigDecimal("total_incl_tax"),
        rs.getBigDecimal("outstanding"),
        rs.getString("status"),
        rs.getBoolean("disputed"),
        rs.getTimestamp("updated_at").toInstant());
  }
}
