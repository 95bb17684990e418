import java.math.BigDecimal;
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
 * Event propagation: time from the 201 of an invoice created through the gateway to the moment the
 * KPI summary shows it (outbox relay, Kafka, KPI consumer, read). Sequential, so each measurement is
 * one invoice's path alone; the summary polled is that of the benchmark's own customer, so that no
 * other activity of the tenant is mistaken for the invoice arriving. A few invoices first, not
 * counted, wait out whatever the consumers still had to read. Usage: java bench/Propagation.java
 * [count] [gatewayUrl] [apiKey]
 */
public class Propagation {

  private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
  private static final Pattern OUTSTANDING = Pattern.compile("\"outstanding\":([0-9.]+)");
  private static final int WARM_UP = 3;
  private static String key;

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    String gateway = args.length > 1 ? args[1] : "http://127.0.0.1:8080";
    key = args.length > 2 ? args[2] : "acme-admin-key";
    HttpClient http = HttpClient.newHttpClient();
    String asOf = "2031-01-01"; // far ahead: every invoice of the run is counted on that date
    String customer =
        field(ID, post(http, gateway + "/api/v1/customers",
            "{\"externalRef\":\"BENCH-" + UUID.randomUUID() + "\",\"name\":\"Bench\",\"country\":\"FR\","
                + "\"currency\":\"EUR\",\"language\":\"fr\",\"paymentTerms\":{\"days\":30}}"));
    List<Double> millis = new ArrayList<>();
    for (int i = -WARM_UP; i < count; i++) {
      BigDecimal before = outstanding(http, gateway, asOf, customer);
      String body =
          "{\"customerId\":\"" + customer + "\",\"number\":\"P-" + UUID.randomUUID()
              + "\",\"issueDate\":\"2026-06-01\",\"lines\":[{\"description\":\"x\",\"quantity\":1,"
              + "\"unitPrice\":10,\"vatRate\":0}]}";
      post(http, gateway + "/api/v1/invoices", body);
      long created = System.nanoTime();
      while (outstanding(http, gateway, asOf, customer).compareTo(before) == 0) {
        if (System.nanoTime() - created > 120_000_000_000L) {
          throw new IllegalStateException("invoice " + i + " not visible in the KPI summary after 120 s");
        }
        Thread.sleep(2);
      }
      if (i >= 0) {
        millis.add((System.nanoTime() - created) / 1e6);
      }
    }
    Collections.sort(millis);
    System.out.printf(
        "RESULT propagation count=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f%n",
        count, pct(millis, 50), pct(millis, 99), millis.get(millis.size() - 1));
  }

  private static double pct(List<Double> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  private static BigDecimal outstanding(HttpClient http, String gateway, String asOf, String customer)
      throws Exception {
    HttpRequest get =
        HttpRequest.newBuilder(
                URI.create(
                    gateway + "/api/v1/kpis/summary?asOf=" + asOf + "&customerId=" + customer))
            .header("X-API-Key", key)
            .timeout(Duration.ofSeconds(10))
            .build();
    return new BigDecimal(field(OUTSTANDING, http.send(get, HttpResponse.BodyHandlers.ofString()).body()));
  }

  private static String post(HttpClient http, String url, String json) throws Exception {
    HttpRequest post =
        HttpRequest.newBuilder(URI.create(url))
            .header("X-API-Key", key)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private static String field(Pattern pattern, String json) {
    Matcher m = pattern.matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("unexpected answer: " + json);
    }
    return m.group(1);
  }
}
