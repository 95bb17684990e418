import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.receivables.invoicing.einvoice.validate.En16931Validator;
import org.receivables.invoicing.einvoice.xml.SecureXml;

/**
 * E-invoice ingest against the validation alone (issue #14, "Proof"): the ingest may cost at most
 * 1.5 times the CEN EN 16931 validation it contains. Documents: bench/einvoice/ubl-20-lines.xml and
 * cii-20-lines.xml (20 lines, written by the tests' TestDocument), each sent under a fresh number.
 *
 * <p>Validation alone: the service's own En16931Validator (CEN XSD + Schematron with Saxon-HE) in
 * this JVM, secure parse included, one thread. Ingest: POST /api/v1/e-invoices straight to
 * invoicing, one request at a time (parse, validate, map, book, store, answer; no PDF is rendered:
 * invoicing renders one only when dunning asks for it, docs/e-invoicing.md). Both
 * warm up first (JIT, compiled artefacts) and then time the same number of documents.
 *
 * <p>With a JDBC URL and the tenant, the work each ingest leaves behind in invoicing is counted too:
 * the clock stops only when the tenant's outbox rows have been published to Kafka. {@code
 * cost_vs_validation} is then that whole cost; {@code answered_vs_validation} the requests' alone
 * (what a client waits for). Issuing queues no PDF any more, so there is no document queue to wait
 * for.
 *
 * <p>Run with invoicing's packaged classpath: java -cp 'invoicing-service/target/quarkus-app/lib/main/*:
 * invoicing-service/target/quarkus-app/app/*' bench/EInvoiceBench.java DIR URL AUTHORIZATION [N
 * [JDBC_URL TENANT]]. URL "-" measures the validation alone.
 */
public class EInvoiceBench {

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    String url = args[1];
    String authorization = args.length > 2 ? args[2] : "";
    int n = args.length > 3 ? Integer.parseInt(args[3]) : 200;
    Backlog backlog = args.length > 5 ? new Backlog(args[4], args[5]) : null;
    String run = UUID.randomUUID().toString().substring(0, 8);
    for (String syntax : List.of("ubl", "cii")) {
      String template = Files.readString(dir.resolve(syntax + "-20-lines.xml"));
      En16931Validator.Kind kind =
          syntax.equals("ubl") ? En16931Validator.Kind.UBL_INVOICE : En16931Validator.Kind.CII;
      double validate = validationPerSecond(template, kind, n, run + "-" + syntax);
      System.out.printf(
          Locale.ROOT,
          "RESULT einvoice-validate syntax=%s documents=%d docs_per_s=%.1f ms_per_doc=%.2f%n",
          syntax,
          n,
          validate,
          1000 / validate);
      if (!url.equals("-")) {
        Ingest ingest = ingest(template, url, authorization, n, run + "-" + syntax, backlog);
        double answered = n / ingest.answeredSeconds();
        double total = n / ingest.drainedSeconds();
        System.out.printf(
            Locale.ROOT,
            "RESULT einvoice-ingest syntax=%s documents=%d docs_per_s=%.1f ms_per_doc=%.2f"
                + " cost_vs_validation=%.2f answered_ms_per_doc=%.2f answered_vs_validation=%.2f"
                + " background_counted=%s%n",
            syntax,
            n,
            total,
            1000 / total,
            validate / total,
            1000 / answered,
            validate / answered,
            backlog != null);
      }
    }
    if (backlog != null) {
      backlog.close();
    }
  }

  /** How long the requests took, and until the work they left behind was done. */
  record Ingest(double answeredSeconds, double drainedSeconds) {}

  /** The tenant's unpublished outbox rows, read from invoicing's database. */
  static final class Backlog implements AutoCloseable {
    private final Connection db;
    private final PreparedStatement count;
    private final String tenant;

    Backlog(String jdbcUrl, String tenant) throws Exception {
      this.db = DriverManager.getConnection(jdbcUrl);
      this.tenant = tenant;
      this.count =
          db.prepareStatement(
              "select count(*) from outbox_event where tenant_id = ?");
    }

    long pending() throws Exception {
      count.setString(1, tenant);
      try (ResultSet rs = count.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }

    /** Waits (polling every 10 ms, at most 10 min) until nothing of the tenant's is pending. */
    void drain() throws Exception {
      long deadline = System.nanoTime() + 600_000_000_000L;
      while (pending() > 0) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the tenant's backlog did not drain in 10 minutes");
        }
        Thread.sleep(10);
      }
    }

    @Override
    public void close() throws Exception {
      db.close();
    }
  }

  private static List<byte[]> documents(String template, int count, String series) {
    List<byte[]> docs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      docs.add(
          template
              .replace("EI-BENCH-NUMBER", "EIB-" + series + "-" + i)
              .getBytes(StandardCharsets.UTF_8));
    }
    return docs;
  }

  private static double validationPerSecond(
      String template, En16931Validator.Kind kind, int n, String series) {
    En16931Validator validator = new En16931Validator();
    validator.awaitWarm();
    for (byte[] doc : documents(template, Math.max(20, n / 4), series + "-vwarm")) {
      validate(validator, kind, doc);
    }
    List<byte[]> docs = documents(template, n, series + "-v");
    long start = System.nanoTime();
    for (byte[] doc : docs) {
      validate(validator, kind, doc);
    }
    return n / ((System.nanoTime() - start) / 1e9);
  }

  private static void validate(En16931Validator validator, En16931Validator.Kind kind, byte[] doc) {
    En16931Validator.Result result = validator.validate(kind, doc, SecureXml.parse(doc));
    if (!result.valid()) {
      throw new IllegalStateException("the bench document breaks rules: " + result.errors());
    }
  }

  private static Ingest ingest(
      String template, String url, String authorization, int n, String series, Backlog backlog)
      throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (byte[] doc : documents(template, Math.max(20, n / 4), series + "-iwarm")) {
      post(http, url, authorization, doc);
    }
    if (backlog != null) {
      backlog.drain();
    }
    List<byte[]> docs = documents(template, n, series + "-i");
    long start = System.nanoTime();
    for (byte[] doc : docs) {
      post(http, url, authorization, doc);
    }
    double answered = (System.nanoTime() - start) / 1e9;
    if (backlog == null) {
      return new Ingest(answered, answered);
    }
    backlog.drain();
    return new Ingest(answered, (System.nanoTime() - start) / 1e9);
  }

  private static void post(HttpClient http, String url, String authorization, byte[] doc)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url + "/api/v1/e-invoices"))
            .header("Content-Type", "application/xml")
            .header("Authorization", authorization)
            .POST(HttpRequest.BodyPublishers.ofByteArray(doc))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException(
          "ingest answered " + response.statusCode() + ": " + response.body());
    }
  }
}
