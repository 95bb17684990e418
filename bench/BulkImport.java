import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bulk import as an ERP does it: batches of invoices (POST /api/v1/invoices/batch, ALL_OR_NOTHING)
 * sent one after the other through the gateway, spread over a set of customers created first. Each
 * invoice has the two lines and two VAT rates of the single-create benchmark. The figure is
 * invoices issued per second of wall time, from the first batch sent to the last 201.
 *
 * <p>Usage: java bench/BulkImport.java BASE_URL CREDENTIAL BATCHES BATCH_SIZE CUSTOMERS, where
 * CREDENTIAL is an API key for the gateway, or "Bearer TOKEN" to call invoicing directly.
 *
 * <p>Prints: RESULT bulk-import invoices=... seconds=... invoices_per_s=... batch_p50_ms=...
 * batch_max_ms=...
 */
public class BulkImport {

  private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

  public static void main(String[] args) throws Exception {
    String gateway = args[0];
    String key = args[1];
    int batches = Integer.parseInt(args[2]);
    int size = Integer.parseInt(args[3]);
    int customerCount = Integer.parseInt(args[4]);
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> customers = new ArrayList<>();
    for (int i = 0; i < customerCount; i++) {
      String body =
          post(
              http,
              gateway + "/api/v1/customers",
              key,
              "{\"externalRef\":\"BULK-"
                  + run
                  + "-"
                  + i
                  + "\",\"name\":\"Bulk "
                  + i
                  + "\",\"country\":\"FR\",\"currency\":\"EUR\",\"language\":\"fr\","
                  + "\"paymentTerms\":{\"days\":30}}",
              201);
      Matcher m = ID.matcher(body);
      if (!m.find()) {
        throw new IllegalStateException("no id in " + body);
      }
      customers.add(m.group(1));
    }
    // one batch to warm up the path (JIT, connections, caches); not counted
    post(http, gateway + "/api/v1/invoices/batch", key, batch(run, -1, size, customers), 201);
    List<Double> batchMillis = new ArrayList<>();
    long start = System.nanoTime();
    for (int b = 0; b < batches; b++) {
      String body = batch(run, b, size, customers);
      long t0 = System.nanoTime();
      post(http, gateway + "/api/v1/invoices/batch", key, body, 201);
      batchMillis.add((System.nanoTime() - t0) / 1e6);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Collections.sort(batchMillis);
    int n = batches * size;
    System.out.printf(
        "RESULT bulk-import invoices=%d batch_size=%d seconds=%.2f invoices_per_s=%.0f"
            + " batch_p50_ms=%.0f batch_max_ms=%.0f%n",
        n,
        size,
        seconds,
        n / seconds,
        batchMillis.get(batchMillis.size() / 2),
        batchMillis.get(batchMillis.size() - 1));
  }

  private static String batch(String run, int b, int size, List<String> customers) {
    StringBuilder json = new StringBuilder(size * 330).append("{\"invoices\":[");
    for (int i = 0; i < size; i++) {
      if (i > 0) {
        json.append(',');
      }
      json.append("{\"customerId\":\"")
          .append(customers.get(i % customers.size()))
          .append("\",\"number\":\"BK-")
          .append(run)
          .append('-')
          .append(b)
          .append('-')
          .append(i)
          .append(
              "\",\"issueDate\":\"2026-06-01\",\"lines\":["
                  + "{\"description\":\"Widget\",\"quantity\":3,\"unitPrice\":19.99,\"vatRate\":20},"
                  + "{\"description\":\"Book\",\"quantity\":1,\"unitPrice\":12.50,\"vatRate\":5.5}]}");
    }
    return json.append("]}").toString();
  }

  private static String post(HttpClient http, String url, String key, String json, int expect)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header(
                key.startsWith("Bearer ") ? "Authorization" : "X-API-Key", key)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(120))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expect) {
      String body = response.body();
      throw new IllegalStateException(
          url
              + " answered "
              + response.statusCode()
              + ": "
              + (body.length() > 500 ? body.substring(0, 500) : body));
    }
    return response.body();
  }
}
