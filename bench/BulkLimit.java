import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The limit for bulk import on this machine: the rows one imported invoice costs (the invoice, its
 * two lines, its outbox event and its audit entry) written by plain JDBC batches, one transaction
 * per batch, into copies of invoicing's tables (same columns, indexes, keys and foreign keys) in a
 * scratch schema that is dropped afterwards. No HTTP, JSON, validation or ORM: what is left is
 * PostgreSQL's own cost. Run with the PostgreSQL driver on the class path:
 *
 * <p>java -cp postgresql.jar bench/BulkLimit.java JDBC_URL USER PASSWORD BATCHES BATCH_SIZE
 *
 * <p>Prints: RESULT bulk-limit invoices=... seconds=... invoices_per_s=...
 */
public class BulkLimit {

  private static final String SCHEMA = "bench_limit";

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int batches = Integer.parseInt(args[3]);
    int size = Integer.parseInt(args[4]);
    try (Connection c = DriverManager.getConnection(url, args[1], args[2])) {
      createScratchTables(c);
      try {
        UUID customer = UUID.randomUUID();
        try (PreparedStatement ps =
            c.prepareStatement(
                "insert into "
                    + SCHEMA
                    + ".customer (id, tenant_id, external_ref, name, country, currency, language,"
                    + " terms_days, terms_end_of_month, version, created_at) values (?, 'bench',"
                    + " 'LIMIT', 'Limit', 'FR', 'EUR', 'fr', 30, 'NONE', 0, now())")) {
          ps.setObject(1, customer);
          ps.executeUpdate();
        }
        c.setAutoCommit(false);
        long start = System.nanoTime();
        for (int b = 0; b < batches; b++) {
          writeBatch(c, customer, b, size);
          c.commit();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int n = batches * size;
        System.out.printf(
            "RESULT bulk-limit invoices=%d seconds=%.2f invoices_per_s=%.0f%n",
            n, seconds, n / seconds);
      } finally {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
          s.execute("drop schema if exists " + SCHEMA + " cascade");
        }
      }
    }
  }

  private static void createScratchTables(Connection c) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute("drop schema if exists " + SCHEMA + " cascade");
      s.execute("create schema " + SCHEMA);
      for (String t : List.of("customer", "invoice", "invoice_line", "outbox_event", "invoice_audit")) {
        // LIKE copies columns, defaults, constraints and indexes, not foreign keys (added below)
        s.execute(
            "create table " + SCHEMA + "." + t + " (like public." + t + " including all)");
      }
      for (String t : List.of("outbox_event", "invoice_audit")) {
        s.execute("create sequence " + SCHEMA + "." + t + "_seq");
        s.execute(
            "alter table "
                + SCHEMA
                + "."
                + t
                + " alter column id set default nextval('"
                + SCHEMA
                + "."
                + t
                + "_seq')");
      }
      s.execute(
          "alter table "
              + SCHEMA
              + ".invoice add foreign key (customer_id) references "
              + SCHEMA
              + ".customer (id)");
      s.execute(
          "alter table "
              + SCHEMA
              + ".invoice_line add foreign key (tenant_id, invoice_id) references "
              + SCHEMA
              + ".invoice (tenant_id, id)");
      s.execute(
          "alter table "
              + SCHEMA
              + ".invoice_audit add foreign key (invoice_id) references "
              + SCHEMA
              + ".invoice (id)");
    }
  }

  private static void writeBatch(Connection c, UUID customer, int batch, int size)
      throws Exception {
    LocalDate issue = LocalDate.of(2026, 6, 1);
    Date issueDate = Date.valueOf(issue);
    Date dueDate = Date.valueOf(issue.plusDays(30));
    Timestamp now = Timestamp.from(Instant.now());
    BigDecimal excl = new BigDecimal("72.4700");
    BigDecimal tax = new BigDecimal("12.6800");
    BigDecimal incl = new BigDecimal("85.1500");
    List<UUID> ids = new ArrayList<>(size);
    try (PreparedStatement inv =
        c.prepareStatement(
            "insert into "
                + SCHEMA
                + ".invoice (id, tenant_id, customer_id, number, status, issue_date, due_date,"
                + " currency, total_excl_tax, total_tax, total_incl_tax, amount_paid, disputed,"
                + " terms_warning, version, created_at, discount_granted, amount_credited,"
                + " amount_written_off, discount_percent, discount_deadline, closed_on,"
                + " close_reason, payment_reference) values (?, 'bench', ?, ?, 'OPEN', ?, ?, 'EUR', ?, ?,"
                + " ?, 0, false, null, 0, ?, 0, 0, 0, null, null, null, null, ?)")) {
      for (int i = 0; i < size; i++) {
        UUID id = UUID.randomUUID();
        ids.add(id);
        inv.setObject(1, id);
        inv.setObject(2, customer);
        inv.setString(3, "L-" + batch + "-" + i + "-" + id.toString().substring(0, 8));
        inv.setDate(4, issueDate);
        inv.setDate(5, dueDate);
        inv.setBigDecimal(6, excl);
        inv.setBigDecimal(7, tax);
        inv.setBigDecimal(8, incl);
        inv.setTimestamp(9, now);
        // Unique per tenant like the creditor reference invoicing derives from the id.
        inv.setString(10, "RF" + id.toString().replace("-", "").substring(0, 23));
        inv.addBatch();
      }
      inv.executeBatch();
    }
    try (PreparedStatement line =
        c.prepareStatement(
            "insert into "
                + SCHEMA
                + ".invoice_line (invoice_id, line_no, description, quantity, unit_price,"
                + " vat_rate, net_amount, tenant_id, vat_category) values (?, ?, ?, ?, ?, ?, ?,"
                + " 'bench', 'S')")) {
      for (UUID id : ids) {
        line.setObject(1, id);
        line.setInt(2, 1);
        line.setString(3, "Widget");
        line.setBigDecimal(4, new BigDecimal("3"));
        line.setBigDecimal(5, new BigDecimal("19.99"));
        line.setBigDecimal(6, new BigDecimal("20"));
        line.setBigDecimal(7, new BigDecimal("59.9700"));
        line.addBatch();
        line.setObject(1, id);
        line.setInt(2, 2);
        line.setString(3, "Book");
        line.setBigDecimal(4, new BigDecimal("1"));
        line.setBigDecimal(5, new BigDecimal("12.50"));
        line.setBigDecimal(6, new BigDecimal("5.5"));
        line.setBigDecimal(7, new BigDecimal("12.5000"));
        line.addBatch();
      }
      line.executeBatch();
    }
    try (PreparedStatement out =
        c.prepareStatement(
            "insert into "
                + SCHEMA
                + ".outbox_event (event_id, topic, event_key, event_type, subject, tenant_id,"
                + " payload, occurred_at) values (?, 'receivables.invoicing.v1', ?,"
                + " 'receivables.invoice.issued.v1', ?, 'bench', ?, ?)")) {
      for (UUID id : ids) {
        out.setObject(1, UUID.randomUUID());
        out.setString(2, "bench:" + customer);
        out.setString(3, id.toString());
        out.setString(4, payload(customer, id));
        out.setTimestamp(5, now);
        out.addBatch();
      }
      out.executeBatch();
    }
    try (PreparedStatement audit =
        c.prepareStatement(
            "insert into "
                + SCHEMA
                + ".invoice_audit (tenant_id, invoice_id, at, principal, action, detail) values"
                + " ('bench', ?, ?, 'bench-admin', 'ISSUED', ?)")) {
      for (UUID id : ids) {
        audit.setObject(1, id);
        audit.setTimestamp(2, now);
        audit.setString(3, "issued L for 85.15 EUR, due 2026-07-01");
        audit.addBatch();
      }
      audit.executeBatch();
    }
  }

  /** An InvoiceIssued payload of the real size. */
  private static String payload(UUID customer, UUID invoice) {
    return "{\"tenantId\":\"bench\",\"customerId\":\""
        + customer
        + "\",\"invoiceId\":\""
        + invoice
        + "\",\"number\":\"L-"
        + invoice.toString().substring(0, 8)
        + "\",\"issueDate\":\"2026-06-01\",\"dueDate\":\"2026-07-01\",\"currency\":\"EUR\","
        + "\"totalExclTax\":72.47,\"totalTax\":12.68,\"totalInclTax\":85.15,"
        + "\"outstanding\":85.15,\"termsWarning\":null}";
  }
}
