import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cash application on a noisy book (issue #15, "Proof"). Writes a book (customers, open invoices),
 * loads it through the API (customers one by one, invoices in batches of 1,000), reads back each
 * invoice's paymentReference, then writes camt.053.001.08 statements whose entries carry the noise
 * a receivables team meets: typos in invoice numbers, merged payments, partial payments, missing
 * references, bank fees, payers named otherwise than the customer, unrelated credits and debits.
 * The ground truth of every entry (which invoices it pays) goes to truth.csv beside the statements.
 * It imports the statements, then scores the automatic matches against the truth: precision (no
 * invoice paid that the entry did not pay), recall (entries that pay invoices and were applied
 * correctly without a collector), per kind of noise, and the import's throughput, synchronous or
 * (BENCH_CASH_IMPORT=async) through the asynchronous import, Prefer: respond-async then polled.
 *
 * <p>The seed is fixed (BENCH_CASH_SEED), so two runs write the same noise; the invoice numbers
 * carry a fresh series per run so that runs do not collide in the tenant.
 *
 * <p>Usage: java -cp postgresql.jar bench/CashBench.java API_URL CREDENTIAL JDBC_URL TENANT
 * ENTRIES INVOICES CUSTOMERS ENTRIES_PER_STATEMENT AS_OF OUT_DIR. CREDENTIAL is an API key, or
 * "Bearer TOKEN" to call invoicing directly.
 *
 * <p>Prints RESULT lines: cash-load, cash-import, cash-quality and one cash-kind line per kind.
 */
public class CashBench {

  /** Kinds of entries and their share of all entries, in percent (sum 100). */
  static final Map<String, Integer> MIX = new LinkedHashMap<>();

  static {
    MIX.put("reference", 35);
    MIX.put("number", 20);
    MIX.put("fees", 6);
    MIX.put("partial", 6);
    MIX.put("merged", 8);
    MIX.put("typo", 5);
    MIX.put("no-reference", 5);
    MIX.put("unrelated-credit", 5);
    MIX.put("debit", 10);
  }

  static final String[] FAMILY = {
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
    "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux",
    "Vincent", "Fournier", "Morel", "Girard", "Andre", "Lefevre", "Mercier", "Dupont", "Lambert",
    "Bonnet", "Francois", "Martinez"
  };
  static final String[] TRADE = {
    "Boulangerie", "Garage", "Transports", "Plomberie", "Menuiserie", "Pharmacie", "Imprimerie",
    "Electricite", "Batiment", "Conseil", "Informatique", "Traiteur", "Fleurs", "Optique",
    "Auto-Ecole", "Peinture", "Couverture", "Cabinet", "Hotel", "Restaurant"
  };
  static final String[] FORM = {"SARL", "SAS", "SA", "EURL", "SNC", ""};
  static final String[] NOISE_CREDIT = {
    "REMBOURSEMENT ASSURANCE SINISTRE", "INTERETS CREDITEURS", "REMISE CHEQUES", "AVOIR FOURNISSEUR",
    "REGUL TVA", "VIREMENT INTERNE", "SUBVENTION REGION"
  };
  static final String[] NOISE_DEBIT = {
    "PRLV URSSAF", "CB AMAZON EU", "LOYER BUREAUX", "PRLV EDF", "FRAIS TENUE DE COMPTE",
    "VIR SALAIRES", "PRLV DGFIP TVA"
  };

  record Customer(String id, String name, String iban) {}

  record Invoice(String id, String customerId, String number, String reference, BigDecimal total) {}

  record Entry(
      String ref,
      String kind,
      boolean credit,
      BigDecimal amount,
      String payer,
      String iban,
      String ustrd,
      String strdRef,
      List<Invoice> pays) {}

  static final Random RND = new Random(Long.getLong("seed", 15L));
  static HttpClient http;
  static String api;
  static String credential;

  public static void main(String[] args) throws Exception {
    api = args[0];
    credential = args[1];
    String jdbc = args[2];
    String tenant = args[3];
    int entries = Integer.parseInt(args[4]);
    int invoices = Integer.parseInt(args[5]);
    int customerCount = Integer.parseInt(args[6]);
    int perStatement = Integer.parseInt(args[7]);
    LocalDate asOf = LocalDate.parse(args[8]);
    Path out = Path.of(args[9]);
    Files.createDirectories(out);
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    // BENCH_CASH_SERIES: reuse the book an earlier run loaded (its three letters) instead of loading
    String reuse = System.getenv("BENCH_CASH_SERIES");
    String series = reuse == null || reuse.isBlank() ? series() : reuse;
    // each run numbers from its own million, so that two runs in one tenant share no digits
    long firstNumber = 1_000_000L * (1 + new Random().nextInt(8));
    List<Customer> customers;
    double customerSeconds = 0;
    double invoiceSeconds = 0;
    // BENCH_CASH_LOAD=sql: the book written straight into invoicing's tables (minutes for a million
    // invoices, where the API takes hours); api (the default): through the API
    boolean sqlLoad = "sql".equalsIgnoreCase(System.getenv("BENCH_CASH_LOAD"));
    if (series.equals(reuse)) {
      customers = readCustomers(jdbc, tenant, series);
    } else if (sqlLoad) {
      long t0 = System.nanoTime();
      customers = insertCustomers(jdbc, tenant, series, customerCount);
      customerSeconds = (System.nanoTime() - t0) / 1e9;
      long t1 = System.nanoTime();
      insertInvoices(jdbc, tenant, series, firstNumber, invoices, asOf);
      invoiceSeconds = (System.nanoTime() - t1) / 1e9;
    } else {
      long t0 = System.nanoTime();
      customers = createCustomers(series, customerCount);
      customerSeconds = (System.nanoTime() - t0) / 1e9;
      long t1 = System.nanoTime();
      loadInvoices(series, firstNumber, invoices, customers, asOf);
      invoiceSeconds = (System.nanoTime() - t1) / 1e9;
    }
    List<Invoice> book = readBook(jdbc, tenant, series + "-");
    // what autovacuum does after a load; this machine's PostgreSQL runs with it off, and the
    // matcher's indexed look-ups would otherwise be planned on statistics that miss the book
    try (Connection c = DriverManager.getConnection(jdbc);
        Statement s = c.createStatement()) {
      s.execute("analyze invoice");
      s.execute("analyze customer");
    }
    System.out.printf(
        "RESULT cash-load series=%s load=%s customers=%d customer_seconds=%.1f invoices=%d"
            + " invoice_seconds=%.1f invoices_per_s=%.0f%n",
        series,
        series.equals(reuse) ? "reused" : sqlLoad ? "sql" : "api",
        customers.size(),
        customerSeconds,
        book.size(),
        invoiceSeconds,
        book.size() / invoiceSeconds);

    // the entries and statements of each run carry a tag of their own: a second run on the same
    // book must not be taken for the bank sending the first run's statements again
    String tag = series + "-" + series().substring(0, 2);
    List<Entry> all = entries(tag, entries, book, customers);
    List<String> statements = writeStatements(tag, all, perStatement, asOf, out);
    writeTruth(all, out.resolve("truth.csv"));

    // BENCH_CASH_IMPORT=async: each statement with Prefer: respond-async (202), then every import
    // polled until it completed; the time runs from the first POST to the last completion
    boolean async = "async".equalsIgnoreCase(System.getenv("BENCH_CASH_IMPORT"));
    long t2 = System.nanoTime();
    if (async) {
      List<String> imports = new ArrayList<>();
      for (String xml : statements) {
        imports.add(accept(xml));
      }
      for (String location : imports) {
        awaitImport(location);
      }
    } else {
      for (String xml : statements) {
        send("POST", "/api/v1/bank-statements", "application/xml", xml, 201);
      }
    }
    double importSeconds = (System.nanoTime() - t2) / 1e9;
    System.out.printf(
        "RESULT cash-import mode=%s entry_prefix=%s-E entries=%d statements=%d seconds=%.1f"
            + " entries_per_s=%.1f%n",
        async ? "async" : "sync",
        tag,
        all.size(),
        statements.size(),
        importSeconds,
        all.size() / importSeconds);
    score(jdbc, tenant, all);
  }

  /** Three letters that start every invoice number of this run. */
  static String series() {
    Random r = new Random();
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      s.append((char) ('A' + r.nextInt(26)));
    }
    return s.toString();
  }

  /**
   * A customer's bank account, drawn from the seeded noise mixed with the series: a later series
   * on the same tenant repeats the names and amounts, and must not repeat the accounts, or the
   * IBANs an earlier series taught would point its payments at that series' namesakes.
   */
  static String payerIban(String series) {
    long mixed = RND.nextLong() ^ (series.hashCode() * 0x9E3779B97F4A7C15L);
    return "FR76" + String.format("%023d", Math.abs(mixed % 100000000000000000L));
  }

  static List<Customer> createCustomers(String series, int n) throws Exception {
    Semaphore inFlight = new Semaphore(8);
    List<CompletableFuture<Customer>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String name = customerName(i);
      String iban = payerIban(series);
      String body =
          "{\"externalRef\":\"CASH-"
              + series
              + "-"
              + i
              + "\",\"name\":\""
              + name
              + "\",\"country\":\"FR\",\"currency\":\"EUR\",\"language\":\"fr\","
              + "\"paymentTerms\":{\"days\":30}}";
      inFlight.acquire();
      futures.add(
          http.sendAsync(request("POST", "/api/v1/customers", "application/json", body), ofString())
              .thenApply(
                  r -> {
                    inFlight.release();
                    Matcher m = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(r.body());
                    if (r.statusCode() != 201 || !m.find()) {
                      throw new IllegalStateException("customer: " + r.statusCode() + " " + r.body());
                    }
                    return new Customer(m.group(1), name, iban);
                  }));
    }
    List<Customer> out = new ArrayList<>();
    for (var f : futures) {
      out.add(f.join());
    }
    return out;
  }

  static void loadInvoices(String series, long first, int n, List<Customer> customers, LocalDate asOf)
      throws Exception {
    for (int from = 0; from < n; from += 1000) {
      StringBuilder json = new StringBuilder().append("{\"invoices\":[");
      for (int i = from; i < Math.min(n, from + 1000); i++) {
        // common list prices repeat (the amount alone is then ambiguous, as in real books)
        BigDecimal price =
            RND.nextInt(5) == 0
                ? BigDecimal.valueOf(50L * (1 + RND.nextInt(20)))
                : BigDecimal.valueOf(2000 + RND.nextInt(400000), 2);
        json.append(i > from ? "," : "")
            .append("{\"customerId\":\"")
            .append(customers.get(RND.nextInt(customers.size())).id())
            .append("\",\"number\":\"")
            .append(String.format("%s-%d-%07d", series, asOf.getYear(), first + i))
            .append("\",\"issueDate\":\"")
            .append(asOf.minusDays(RND.nextInt(90)))
            .append("\",\"lines\":[{\"description\":\"Prestation\",\"quantity\":1,\"unitPrice\":")
            .append(price.toPlainString())
            .append(",\"vatRate\":20}]}");
      }
      send("POST", "/api/v1/invoices/batch", "application/json", json.append("]}").toString(), 201);
    }
  }

  /** A customer's name as the bench writes it (trade, family, a number, a legal form). */
  static String customerName(int i) {
    return (pick(TRADE) + " " + pick(FAMILY) + (i % 7 == 0 ? "" : " " + (i % 97)) + " " + pick(FORM))
        .trim();
  }

  /**
   * BENCH_CASH_LOAD=sql: the customers as the API writes them (same columns and defaults), in JDBC
   * batches, straight into invoicing's database (its superuser connection: no tenant policy).
   */
  static List<Customer> insertCustomers(String jdbc, String tenant, String series, int n)
      throws Exception {
    List<Customer> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(jdbc + "&reWriteBatchedInserts=true")) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute(
            "insert into service_tenant (tenant) values ('" + tenant + "') on conflict do nothing");
      }
      try (var ps =
          c.prepareStatement(
              "insert into customer (id, tenant_id, external_ref, name, country, currency, language,"
                  + " terms_days, terms_end_of_month, version, created_at) values"
                  + " (?, ?, ?, ?, 'FR', 'EUR', 'fr', 30, 'NONE', 0, now())")) {
        for (int i = 0; i < n; i++) {
          String name = customerName(i);
          String iban = payerIban(series);
          java.util.UUID id = java.util.UUID.randomUUID();
          ps.setObject(1, id);
          ps.setString(2, tenant);
          ps.setString(3, "CASH-" + series + "-" + i);
          ps.setString(4, name);
          ps.addBatch();
          out.add(new Customer(id.toString(), name, iban));
          if (i % 1000 == 999) {
            ps.executeBatch();
          }
        }
        ps.executeBatch();
      }
      c.commit();
    }
    return out;
  }

  /**
   * BENCH_CASH_LOAD=sql: the open invoices generated by PostgreSQL itself, 100,000 per statement,
   * with what the API writes for an issued invoice of one line at 20 % VAT: the same number format,
   * prices (a fifth common list prices, which repeat), issue dates over the last 90 days, due 30
   * days later, and the creditor reference from V7's cash_creditor_reference (what the API
   * computes, CreditorReference.forInvoice); V13's lookup keys are generated columns. Not written:
   * the InvoiceIssued events and the PDF queue (the book does not reach the other services).
   */
  static void insertInvoices(
      String jdbc, String tenant, String series, long first, int n, LocalDate asOf)
      throws Exception {
    try (Connection c = DriverManager.getConnection(jdbc)) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("select setseed(" + (RND.nextInt(1000) / 1000.0) + ")");
        s.execute(
            "create temporary table bench_customer as select id, row_number() over (order by"
                + " external_ref) - 1 as k from customer where tenant_id = '"
                + tenant
                + "' and external_ref like 'CASH-"
                + series
                + "-%'");
        s.execute("create index on bench_customer (k)");
        s.execute("analyze bench_customer");
      }
      int customers;
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("select count(*) from bench_customer")) {
        r.next();
        customers = r.getInt(1);
      }
      for (int from = 0; from < n; from += 100_000) {
        int to = Math.min(n, from + 100_000) - 1;
        try (Statement s = c.createStatement()) {
          s.execute(
              "insert into invoice (id, tenant_id, customer_id, number, payment_reference, status,"
                  + " issue_date, due_date, currency, total_excl_tax, total_tax, total_incl_tax,"
                  + " amount_paid, discount_granted, amount_credited, amount_written_off, disputed,"
                  + " version, created_at)"
                  + " select g.id, '" + tenant + "', bc.id, '" + series + "-" + asOf.getYear()
                  + "-' || lpad((" + first + " + g.n)::text, 7, '0'), cash_creditor_reference(g.id),"
                  + " 'OPEN', g.issued, g.issued + 30, 'EUR', g.net, round(g.net * 0.2, 2),"
                  + " g.net + round(g.net * 0.2, 2), 0, 0, 0, 0, false, 0, now()"
                  + " from (select gen_random_uuid() as id, n,"
                  + " floor(random() * " + customers + ")::bigint as k,"
                  + " date '" + asOf + "' - floor(random() * 90)::int as issued,"
                  + " case when random() < 0.2 then 50 * (1 + floor(random() * 20))"
                  + " else (2000 + floor(random() * 400000)) / 100 end::numeric(19, 4) as net"
                  + " from generate_series(" + from + ", " + to + ") n) g"
                  + " join bench_customer bc on bc.k = g.k");
          s.execute(
              "insert into invoice_line (invoice_id, line_no, description, quantity, unit_price,"
                  + " vat_rate, net_amount, tenant_id, vat_category) select id, 1, 'Prestation',"
                  + " 1, total_excl_tax, 20, total_excl_tax, tenant_id, 'S' from invoice where"
                  + " tenant_id = '" + tenant + "' and number like '" + series + "-%' and"
                  + " number >= '" + series + "-" + asOf.getYear() + "-"
                  + String.format("%07d", first + from) + "' and number <= '" + series + "-"
                  + asOf.getYear() + "-" + String.format("%07d", first + to) + "'");
        }
        c.commit();
        System.out.printf("  %d invoices written%n", to + 1);
      }
    }
  }

  interface Row<T> {
    T of(ResultSet r) throws java.sql.SQLException;
  }

  static <T> List<T> rows(String jdbc, String sql, Row<T> row) throws Exception {
    List<T> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(jdbc);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        out.add(row.of(r));
      }
    }
    return out;
  }

  static List<Customer> readCustomers(String jdbc, String tenant, String series) throws Exception {
    return rows(
        jdbc,
        "select id, name from customer where tenant_id = '" + tenant
            + "' and external_ref like 'CASH-" + series + "-%' order by external_ref",
        r -> new Customer(r.getString(1), r.getString(2),
            "FR76" + String.format("%023d", Math.abs(RND.nextLong()) % 100000000000000000L)));
  }

  static List<Invoice> readBook(String jdbc, String tenant, String prefix) throws Exception {
    return rows(
        jdbc,
        "select id, customer_id, number, payment_reference, total_incl_tax from invoice"
            + " where tenant_id = '" + tenant + "' and status = 'OPEN' and number like '" + prefix
            + "%' order by number",
        r -> new Invoice(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
            r.getBigDecimal(5).setScale(2, RoundingMode.HALF_EVEN)));
  }

  static List<Entry> entries(String series, int n, List<Invoice> book, List<Customer> customers) {
    Map<String, Customer> byId = new HashMap<>();
    customers.forEach(c -> byId.put(c.id(), c));
    Map<String, List<Invoice>> openOf = new HashMap<>();
    book.forEach(i -> openOf.computeIfAbsent(i.customerId(), k -> new ArrayList<>()).add(i));
    Set<String> used = new HashSet<>();
    List<String> kinds = new ArrayList<>();
    MIX.forEach((k, pct) -> kinds.addAll(java.util.Collections.nCopies(n * pct / 100, k)));
    while (kinds.size() < n) {
      kinds.add("reference");
    }
    java.util.Collections.shuffle(kinds, RND);
    List<Entry> out = new ArrayList<>();
    for (int e = 0; e < n; e++) {
      String kind = kinds.get(e);
      String ref = series + "-E" + e;
      if (kind.equals("debit") || kind.equals("unrelated-credit")) {
        boolean credit = kind.equals("unrelated-credit");
        out.add(
            new Entry(ref, kind, credit, BigDecimal.valueOf(500 + RND.nextInt(500000), 2),
                credit ? "CAISSE ASSURANCE " + pick(FAMILY).toUpperCase() : "FOURNISSEUR",
                "FR76" + String.format("%023d", e), pick(credit ? NOISE_CREDIT : NOISE_DEBIT),
                null, List.of()));
        continue;
      }
      Invoice first = unused(book, used);
      Customer customer = byId.get(first.customerId());
      List<Invoice> pays = new ArrayList<>(List.of(first));
      if (kind.equals("merged")) {
        for (Invoice i : openOf.get(customer.id())) {
          if (pays.size() < 2 + RND.nextInt(3) && used.add(i.id())) {
            pays.add(i);
          }
        }
      }
      BigDecimal amount = pays.stream().map(Invoice::total).reduce(BigDecimal.ZERO, BigDecimal::add);
      String ustrd = numberText(first.number());
      String strd = null;
      switch (kind) {
        case "reference" -> {
          if (RND.nextBoolean()) {
            strd = first.reference();
            ustrd = RND.nextBoolean() ? "FACTURE " + first.number() : null;
          } else {
            ustrd = grouped(first.reference());
          }
        }
        case "fees" -> amount = amount.subtract(BigDecimal.valueOf(50 + RND.nextInt(151), 2));
        case "partial" ->
            amount = amount.multiply(BigDecimal.valueOf(30 + RND.nextInt(41), 2)).setScale(2, RoundingMode.HALF_EVEN);
        case "merged" -> {
          StringBuilder s = new StringBuilder("REGLEMENT FACTURES");
          pays.forEach(i -> s.append(' ').append(RND.nextBoolean() ? i.number() : numberText(i.number())));
          ustrd = s.toString();
        }
        case "typo" -> ustrd = typo(first.number());
        case "no-reference" -> ustrd = RND.nextBoolean() ? null : "VIR SEPA " + pick(new String[] {"REGLEMENT", "PAIEMENT FACTURE", "SOLDE"});
        default -> {}
      }
      if (pays.size() > 1 && !kind.equals("merged")) {
        throw new IllegalStateException(kind);
      }
      out.add(new Entry(ref, kind, true, amount, payer(customer.name()), customer.iban(), ustrd, strd, pays));
    }
    return out;
  }

  static Invoice unused(List<Invoice> book, Set<String> used) {
    for (int tries = 0; ; tries++) {
      Invoice i = book.get(RND.nextInt(book.size()));
      if (used.add(i.id())) {
        return i;
      }
      if (tries > 1000) {
        throw new IllegalStateException("book too small for the entries");
      }
    }
  }

  /** How debtors quote an invoice number: prefixes, case, spaces and dashes vary. */
  static String numberText(String number) {
    return switch (RND.nextInt(5)) {
      case 0 -> number;
      case 1 -> "FAC " + number.replace("-", " ");
      case 2 -> "Facture n° " + number.toLowerCase();
      case 3 -> "INV" + number.replace("-", "");
      default -> "PAIEMENT " + number.replace("-", "/");
    };
  }

  /** One digit changed, two swapped, or one dropped: the debtor mistyped the number. */
  static String typo(String number) {
    char[] c = number.toCharArray();
    int last = c.length - 1;
    int p = last - RND.nextInt(5);
    switch (RND.nextInt(3)) {
      case 0 -> c[p] = (char) ('0' + (c[p] - '0' + 1 + RND.nextInt(9)) % 10);
      case 1 -> {
        int q = p == last ? p - 1 : p + 1;
        if (c[p] == c[q]) {
          c[p] = (char) ('0' + (c[p] - '0' + 1) % 10);
        } else {
          char t = c[p];
          c[p] = c[q];
          c[q] = t;
        }
      }
      default -> {
        return "FACTURE " + number.substring(0, p) + number.substring(p + 1);
      }
    }
    return "FACTURE " + new String(c);
  }

  /** Who the bank names as payer: the customer as registered, shouted, shortened, or someone else. */
  static String payer(String name) {
    int r = RND.nextInt(100);
    if (r < 45) {
      return name;
    } else if (r < 70) {
      return name.toUpperCase().replaceAll(" (SARL|SAS|SA|EURL|SNC)$", "");
    } else if (r < 85) {
      String[] w = name.split(" ");
      return (w[0].length() > 4 ? w[0].substring(0, 4) + "." : w[0]) + " " + String.join(" ", List.of(w).subList(1, w.length));
    }
    return RND.nextBoolean() ? "HOLDING " + pick(FAMILY).toUpperCase() : "M. OU MME " + pick(FAMILY).toUpperCase();
  }

  static String grouped(String ref) {
    return ref.replaceAll("(.{4})(?!$)", "$1 ");
  }

  static List<String> writeStatements(
      String series, List<Entry> all, int per, LocalDate asOf, Path out) throws IOException {
    List<String> xmls = new ArrayList<>();
    BigDecimal balance = new BigDecimal("100000.00");
    for (int from = 0, s = 0; from < all.size(); from += per, s++) {
      List<Entry> part = all.subList(from, Math.min(all.size(), from + per));
      BigDecimal opening = balance;
      for (Entry e : part) {
        balance = e.credit() ? balance.add(e.amount()) : balance.subtract(e.amount());
      }
      StringBuilder x = new StringBuilder(part.size() * 700);
      x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
          .append("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt>")
          .append("<GrpHdr><MsgId>").append(series).append("-M").append(s)
          .append("</MsgId><CreDtTm>").append(asOf).append("T18:00:00</CreDtTm></GrpHdr>")
          .append("<Stmt><Id>").append(series).append("-S").append(s).append("</Id><CreDtTm>")
          .append(asOf).append("T18:00:00</CreDtTm>")
          .append("<Acct><Id><IBAN>FR7630004000010000000000130</IBAN></Id><Ccy>EUR</Ccy></Acct>");
      balance(x, "OPBD", opening, asOf);
      balance(x, "CLBD", balance, asOf);
      for (Entry e : part) {
        x.append("<Ntry><NtryRef>").append(e.ref()).append("</NtryRef><Amt Ccy=\"EUR\">")
            .append(e.amount().toPlainString()).append("</Amt><CdtDbtInd>")
            .append(e.credit() ? "CRDT" : "DBIT").append("</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>")
            .append("<BookgDt><Dt>").append(asOf).append("</Dt></BookgDt>")
            .append("<BkTxCd><Prtry><Cd>").append(e.credit() ? "VIR" : "PRLV").append("</Cd></Prtry></BkTxCd>")
            .append("<NtryDtls><TxDtls><Refs><EndToEndId>").append(e.ref())
            .append("</EndToEndId></Refs><RltdPties><Dbtr><Pty><Nm>").append(xml(e.payer()))
            .append("</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>").append(e.iban())
            .append("</IBAN></Id></DbtrAcct></RltdPties>");
        if (e.ustrd() != null || e.strdRef() != null) {
          x.append("<RmtInf>");
          if (e.ustrd() != null) {
            x.append("<Ustrd>").append(xml(e.ustrd())).append("</Ustrd>");
          }
          if (e.strdRef() != null) {
            x.append("<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>ISO</Issr></Tp><Ref>")
                .append(e.strdRef()).append("</Ref></CdtrRefInf></Strd>");
          }
          x.append("</RmtInf>");
        }
        x.append("</TxDtls></NtryDtls></Ntry>");
      }
      x.append("</Stmt></BkToCstmrStmt></Document>");
      Files.writeString(out.resolve("statement-" + s + ".xml"), x);
      xmls.add(x.toString());
    }
    return xmls;
  }

  static void balance(StringBuilder x, String type, BigDecimal amount, LocalDate on) {
    x.append("<Bal><Tp><CdOrPrtry><Cd>").append(type).append("</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">")
        .append(amount.abs().toPlainString()).append("</Amt><CdtDbtInd>")
        .append(amount.signum() < 0 ? "DBIT" : "CRDT").append("</CdtDbtInd><Dt><Dt>").append(on)
        .append("</Dt></Dt></Bal>");
  }

  static void writeTruth(List<Entry> all, Path file) throws IOException {
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
      w.println("entry_reference,kind,amount,customer_id,invoice_ids");
      for (Entry e : all) {
        w.printf("%s,%s,%s,%s,%s%n", e.ref(), e.kind(), e.amount(),
            e.pays().isEmpty() ? "" : e.pays().get(0).customerId(),
            String.join(" ", e.pays().stream().map(Invoice::id).toList()));
      }
    }
  }

  /** Reads what the import decided and compares it with the truth. */
  static void score(String jdbc, String tenant, List<Entry> all) throws Exception {
    Map<String, String> status = new HashMap<>();
    Map<String, Set<String>> paid = new HashMap<>();
    try (Connection c = DriverManager.getConnection(jdbc);
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "select e.entry_reference, e.status, pa.invoice_id from bank_entry e"
                    + " left join bank_entry_application a on a.entry_id = e.id"
                    + " left join payment_allocation pa on pa.payment_id = a.payment_id"
                    + " where e.tenant_id = '" + tenant + "' and e.entry_reference like '"
                    + all.get(0).ref().substring(0, all.get(0).ref().indexOf("-E")) + "-E%'")) {
      while (r.next()) {
        status.put(r.getString(1), r.getString(2));
        Set<String> set = paid.computeIfAbsent(r.getString(1), k -> new HashSet<>());
        if (r.getString(3) != null) {
          set.add(r.getString(3));
        }
      }
    }
    Map<String, int[]> byKind = new TreeMap<>(); // n, matched, correct, suggested, unmatched, ignored
    int matched = 0, wrong = 0, payable = 0, correct = 0;
    for (Entry e : all) {
      String st = status.getOrDefault(e.ref(), "MISSING");
      Set<String> truth = new HashSet<>(e.pays().stream().map(Invoice::id).toList());
      Set<String> applied = paid.getOrDefault(e.ref(), Set.of());
      boolean ok = !applied.isEmpty() && truth.containsAll(applied);
      int[] k = byKind.computeIfAbsent(e.kind(), x -> new int[6]);
      k[0]++;
      payable += truth.isEmpty() ? 0 : 1;
      switch (st) {
        case "MATCHED" -> {
          k[1]++;
          matched++;
          if (ok) {
            k[2]++;
            correct++;
          } else {
            wrong++;
            System.out.printf("WRONG %s %s: applied to %s, pays %s%n", e.kind(), e.ref(), applied, truth);
          }
        }
        case "SUGGESTED" -> k[3]++;
        case "UNMATCHED" -> k[4]++;
        case "IGNORED" -> k[5]++;
        default -> throw new IllegalStateException(e.ref() + " is " + st);
      }
    }
    System.out.printf(
        "RESULT cash-quality entries=%d paying_entries=%d matched=%d correct=%d wrong=%d"
            + " precision=%.2f%% recall=%.2f%%%n",
        all.size(), payable, matched, correct, wrong, matched == 0 ? 100.0 : 100.0 * correct / matched,
        100.0 * correct / payable);
    byKind.forEach(
        (kind, k) ->
            System.out.printf(
                "RESULT cash-kind kind=%s entries=%d matched=%d correct=%d suggested=%d"
                    + " unmatched=%d ignored=%d%n",
                kind, k[0], k[1], k[2], k[3], k[4], k[5]));
  }

  /** Posts a statement for an asynchronous import; the import's Location. */
  static String accept(String xml) throws Exception {
    HttpRequest r =
        HttpRequest.newBuilder(URI.create(api + "/api/v1/bank-statements"))
            .header(credential.startsWith("Bearer ") ? "Authorization" : "X-API-Key", credential)
            .header("Content-Type", "application/xml")
            .header("Prefer", "respond-async")
            .timeout(Duration.ofSeconds(600))
            .POST(HttpRequest.BodyPublishers.ofString(xml))
            .build();
    HttpResponse<String> answer = http.send(r, ofString());
    if (answer.statusCode() != 202) {
      throw new IllegalStateException(
          "async import answered " + answer.statusCode() + ": " + answer.body());
    }
    String location = answer.headers().firstValue("Location").orElseThrow();
    return location.startsWith("http") ? location : api + location;
  }

  /** Polls an import until it completed; a failed import stops the benchmark. */
  static void awaitImport(String location) throws Exception {
    while (true) {
      HttpRequest r =
          HttpRequest.newBuilder(URI.create(location))
              .header(credential.startsWith("Bearer ") ? "Authorization" : "X-API-Key", credential)
              .timeout(Duration.ofSeconds(60))
              .GET()
              .build();
      String body = http.send(r, ofString()).body();
      if (body.contains("\"status\":\"COMPLETED\"")) {
        return;
      }
      if (!body.contains("\"status\":\"RUNNING\"")) {
        throw new IllegalStateException(location + " answered " + body);
      }
      Thread.sleep(250);
    }
  }

  static String pick(String[] values) {
    return values[RND.nextInt(values.length)];
  }

  static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;");
  }

  static HttpResponse.BodyHandler<String> ofString() {
    return HttpResponse.BodyHandlers.ofString();
  }

  static HttpRequest request(String method, String path, String type, String body) {
    return HttpRequest.newBuilder(URI.create(api + path))
        .header(credential.startsWith("Bearer ") ? "Authorization" : "X-API-Key", credential)
        .header("Content-Type", type)
        .timeout(Duration.ofSeconds(600))
        .method(method, HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  static String send(String method, String path, String type, String body, int expect)
      throws Exception {
    HttpResponse<String> r = http.send(request(method, path, type, body), ofString());
    if (r.statusCode() != expect) {
      String b = r.body();
      throw new IllegalStateException(
          path + " answered " + r.statusCode() + ": " + (b.length() > 500 ? b.substring(0, 500) : b));
    }
    return r.body();
  }
}
