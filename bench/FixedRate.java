import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Open-loop load at a fixed rate: request i is due at start + i / rate whatever happened to the
 * earlier ones, and its latency is measured from that intended time, not from when it could
 * actually be sent. A closed-loop tool (wrk) waits for an answer before sending the next request,
 * so a server that stalls also stalls the load and hides its own queueing (coordinated omission).
 * Requests in flight are capped (--max-in-flight); a request that waits for a free slot is late,
 * and that wait counts in its latency.
 *
 * <p>Usage: java bench/FixedRate.java --name NAME --rate PER_SECOND --duration 30s [--warmup 5s]
 * [--method GET|POST] --url URL [--header 'Name: value']... [--body TEMPLATE] [--expect 200]
 * [--customers 100000] [--tenant bench] [--max-in-flight 256]
 *
 * <p>In URL, headers and body, {seq} is the request's number, {run} a random id of this run, {benchCustomer}
 * a random customer of the bench book (the id bench/sql/customers.sql gives customer n of --tenant).
 * Prints one line: RESULT name=... rate=... sent=... ok=... errors=... rps=... p50_ms=... p95_ms=...
 * p99_ms=... max_ms=... (warm-up requests are sent but not counted).
 */
public class FixedRate {

  public static void main(String[] argv) throws Exception {
    Map<String, List<String>> a = parse(argv);
    String name = one(a, "name", "fixed-rate");
    double rate = Double.parseDouble(required(a, "rate"));
    long durationNanos = nanos(one(a, "duration", "30s"));
    long warmupNanos = nanos(one(a, "warmup", "5s"));
    String method = one(a, "method", "GET");
    String url = required(a, "url");
    String body = one(a, "body", null);
    int expect = Integer.parseInt(one(a, "expect", "200"));
    int customers = Integer.parseInt(one(a, "customers", "100000"));
    String tenant = one(a, "tenant", "bench");
    int maxInFlight = Integer.parseInt(one(a, "max-in-flight", "256"));
    List<String> headers = a.getOrDefault("header", List.of());
    String run = UUID.randomUUID().toString().substring(0, 8);

    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    long total = (long) Math.floor(rate * (warmupNanos + durationNanos) / 1e9);
    long warmupCount = (long) Math.floor(rate * warmupNanos / 1e9);
    long[] latencies = new long[(int) (total - warmupCount)];
    Arrays.fill(latencies, -1);
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger ok = new AtomicInteger();
    AtomicReference<String> firstError = new AtomicReference<>();
    Semaphore slots = new Semaphore(maxInFlight);
    CountDownLatch done = new CountDownLatch((int) total);
    long start = System.nanoTime() + 100_000_000L;
    long measuredFrom = start + warmupNanos;
    for (long i = 0; i < total; i++) {
      long intended = start + (long) (i * 1e9 / rate);
      long wait = intended - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      slots.acquire();
      String seq = Long.toString(i);
      String customer = benchCustomer(tenant, customers);
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(fill(url, seq, run, customer)))
              .timeout(Duration.ofSeconds(60));
      for (String h : headers) {
        int colon = h.indexOf(':');
        request.header(
            h.substring(0, colon).trim(), fill(h.substring(colon + 1).trim(), seq, run, customer));
      }
      if (body != null) {
        request.header("Content-Type", "application/json");
        request.method(
            method, HttpRequest.BodyPublishers.ofString(fill(body, seq, run, customer)));
      } else {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      }
      int slot = (int) (i - warmupCount);
      boolean measured = intended >= measuredFrom;
      http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
          .whenComplete(
              (response, failure) -> {
                long latency = System.nanoTime() - intended;
                if (measured) {
                  if (failure == null && response.statusCode() == expect) {
                    ok.incrementAndGet();
                    latencies[slot] = latency;
                  } else {
                    errors.incrementAndGet();
                    firstError.compareAndSet(
                        null,
                        failure != null
                            ? failure.toString()
                            : response.statusCode() + " " + abbreviate(response.body()));
                  }
                }
                slots.release();
                done.countDown();
              });
    }
    long sendingEnded = System.nanoTime();
    done.await();
    long[] measured = Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
    double window = (Math.max(sendingEnded, System.nanoTime()) - measuredFrom) / 1e9;
    if (firstError.get() != null) {
      System.out.println("first error: " + firstError.get());
    }
    System.out.printf(
        "RESULT name=%s rate=%.1f duration_s=%.0f sent=%d ok=%d errors=%d rps=%.1f p50_ms=%.1f"
            + " p95_ms=%.1f p99_ms=%.1f max_ms=%.1f%n",
        name,
        rate,
        durationNanos / 1e9,
        latencies.length,
        ok.get(),
        errors.get(),
        ok.get() / window,
        pct(measured, 50),
        pct(measured, 95),
        pct(measured, 99),
        measured.length == 0 ? Double.NaN : measured[measured.length - 1] / 1e6);
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  /** The id bench/sql/customers.sql gives a customer: md5(tenant || ':customer:' || n) as a uuid. */
  static String benchCustomer(String tenant, int customers) {
    int n = ThreadLocalRandom.current().nextInt(1, customers + 1);
    try {
      byte[] md5 =
          MessageDigest.getInstance("MD5")
              .digest((tenant + ":customer:" + n).getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (byte b : md5) {
        hex.append(String.format("%02x", b));
      }
      return hex.substring(0, 8)
          + "-"
          + hex.substring(8, 12)
          + "-"
          + hex.substring(12, 16)
          + "-"
          + hex.substring(16, 20)
          + "-"
          + hex.substring(20);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String fill(String template, String seq, String run, String customer) {
    return template
        .replace("{seq}", seq)
        .replace("{run}", run)
        .replace("{benchCustomer}", customer);
  }

  private static String abbreviate(String s) {
    return s == null || s.length() <= 300 ? s : s.substring(0, 300) + "...";
  }

  private static long nanos(String duration) {
    String d = duration.trim();
    if (d.endsWith("ms")) {
      return Long.parseLong(d.substring(0, d.length() - 2)) * 1_000_000L;
    }
    if (d.endsWith("s")) {
      return (long) (Double.parseDouble(d.substring(0, d.length() - 1)) * 1e9);
    }
    if (d.endsWith("m")) {
      return (long) (Double.parseDouble(d.substring(0, d.length() - 1)) * 60e9);
    }
    return (long) (Double.parseDouble(d) * 1e9);
  }

  private static Map<String, List<String>> parse(String[] argv) {
    Map<String, List<String>> out = new HashMap<>();
    for (int i = 0; i < argv.length; i++) {
      if (!argv[i].startsWith("--") || i + 1 >= argv.length) {
        throw new IllegalArgumentException("expected --option value at " + argv[i]);
      }
      out.computeIfAbsent(argv[i].substring(2), k -> new ArrayList<>()).add(argv[++i]);
    }
    return out;
  }

  private static String one(Map<String, List<String>> a, String key, String fallback) {
    List<String> values = a.get(key);
    return values == null || values.isEmpty() ? fallback : values.get(values.size() - 1);
  }

  private static String required(Map<String, List<String>> a, String key) {
    String value = one(a, key, null);
    if (value == null) {
      throw new IllegalArgumentException("--" + key + " is required");
    }
    return value;
  }
}
