import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Webhook deliveries under load (issue #16): a receiver on 127.0.0.1 subscribed to invoice.issued
 * for TENANTS fresh tenants (Bearer tokens of the local identity provider, as the system tests make
 * them), then invoices imported through the gateway in batches, open loop, at RATE events/s for
 * SECONDS, each batch for the next tenant in turn. Every delivered invoice is matched to its batch by
 * its number, and timed twice: from the batch's 201 (the commit precedes it by the answer's way
 * back, a millisecond or so on loopback: the figure asked for) and from the payload's timestamp (when
 * the webhooks service took the event in: its own share). Then a burst of BURST invoices at once:
 * deliveries per second from the first to the last delivery. Tenants spread the load over
 * subscriptions: each subscription has its own rate limit (webhooks.delivery.per-subscription-per-
 * second) and one delivery at a time, so one subscription alone cannot take 200 events/s.
 *
 * <p>Usage: java bench/WebhookBench.java GATEWAY PRIVATE_KEY_PEM RATE SECONDS BATCH TENANTS BURST
 *
 * <p>Prints: RESULT webhooks-rate ... and RESULT webhooks-burst ...
 */
public class WebhookBench {

  private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
  private static final Pattern NUMBER = Pattern.compile("\"number\":\"(WH-[^\"]+)\"");
  private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":\"([^\"]+)\"");
  private static final Pattern CUSTOMER = Pattern.compile("\"customerId\":\"([^\"]+)\"");
  private static final Pattern SEQUENCE = Pattern.compile("\"sequence\":(\\d+)");
  /** Highest sequence received per customer: one lower than it arrived out of order. */
  private static final Map<String, Long> LAST_SEQUENCE = new ConcurrentHashMap<>();
  private static final AtomicInteger OUT_OF_ORDER = new AtomicInteger();
  private static int customersPerTenant;

  /** Invoice number to the wall-clock milliseconds of its batch's 201. */
  private static final Map<String, Long> COMMITTED = new ConcurrentHashMap<>();

  /** One delivery: the invoice number, when it arrived and the payload's timestamp. */
  record Delivery(String number, long receivedMillis, long eventMillis) {}

  private static final List<Delivery> DELIVERED = new CopyOnWriteArrayList<>();
  private static final AtomicInteger ANSWERS_NOT_201 = new AtomicInteger();

  private static String gateway;
  private static HttpClient http;

  public static void main(String[] args) throws Exception {
    gateway = args[0];
    Path key = Path.of(args[1]);
    int rate = Integer.parseInt(args[2]);
    int seconds = Integer.parseInt(args[3]);
    int batch = Integer.parseInt(args[4]);
    int tenants = Integer.parseInt(args[5]);
    int burst = Integer.parseInt(args[6]);
    // invoices spread over several customers per tenant, as an ERP issues them: a subscription
    // sends one customer's deliveries one at a time, so one customer per tenant would measure that
    int perTenant = args.length > 7 ? Integer.parseInt(args[7]) : 10;
    customersPerTenant = perTenant;
    int warmSeconds = args.length > 8 ? Integer.parseInt(args[8]) : 20;
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    receiver.setExecutor(Executors.newFixedThreadPool(16));
    receiver.createContext(
        "/",
        exchange -> {
          long now = System.currentTimeMillis();
          String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          Matcher n = NUMBER.matcher(body);
          Matcher t = TIMESTAMP.matcher(body);
          if (n.find() && t.find()) {
            DELIVERED.add(new Delivery(n.group(1), now, Instant.parse(t.group(1)).toEpochMilli()));
          }
          Matcher c = CUSTOMER.matcher(body);
          Matcher q = SEQUENCE.matcher(body);
          if (c.find() && q.find()) {
            long sequence = Long.parseLong(q.group(1));
            LAST_SEQUENCE.merge(
                c.group(1),
                sequence,
                (last, next) -> {
                  if (next < last) {
                    OUT_OF_ORDER.incrementAndGet();
                  }
                  return Math.max(last, next);
                });
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    String base = "http://127.0.0.1:" + receiver.getAddress().getPort();

    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> tokens = new ArrayList<>();
    List<List<String>> customers = new ArrayList<>();
    List<String> hooks = new ArrayList<>();
    for (int t = 0; t < tenants; t++) {
      String token = token(key, "bench-hooks-" + run + "-" + t);
      tokens.add(token);
      List<String> ofTenant = new ArrayList<>();
      for (int c = 0; c < perTenant; c++) {
        ofTenant.add(
            field(
                ID,
                post(
                    "/api/v1/customers",
                    token,
                    "{\"externalRef\":\"WH-"
                        + run
                        + "-"
                        + t
                        + "-"
                        + c
                        + "\",\"name\":\"Bench\",\"country\":\"FR\",\"currency\":\"EUR\","
                        + "\"language\":\"fr\",\"paymentTerms\":{\"days\":30}}",
                    201)));
      }
      customers.add(ofTenant);
      hooks.add(
          field(
              ID,
              post(
                  "/api/v1/webhooks",
                  token,
                  "{\"url\":\""
                      + base
                      + "/t"
                      + t
                      + "\",\"eventTypes\":[\"invoice.issued\"],\"description\":\"bench\"}",
                  201)));
    }
    try {
      // warm-up (not counted): one batch per tenant, all delivered
      List<String> warm = new ArrayList<>();
      for (int t = 0; t < tenants; t++) {
        warm.addAll(sendBatch(tokens.get(t), customers.get(t), run + "-w" + t, batch));
      }
      awaitDelivered(warm, Duration.ofSeconds(120));

      // warm-up at the rate (not counted): a suite just started runs interpreted code on cold
      // pools, and the backlog it builds meanwhile would be what the p99 measures
      if (warmSeconds > 0) {
        awaitDelivered(atRate(tokens, customers, run + "-u", rate, warmSeconds, batch), Duration.ofSeconds(300));
      }
      List<String> steady = atRate(tokens, customers, run + "-s", rate, seconds, batch);
      awaitDelivered(steady, Duration.ofSeconds(300));
      report("webhooks-rate", steady, rate, seconds, batch, tenants);

      // burst: BURST invoices at once, spread over the tenants
      List<String> burstNumbers = Collections.synchronizedList(new ArrayList<>());
      List<Thread> senders = new ArrayList<>();
      int burstPerTenant = Math.max(1, burst / tenants);
      for (int t = 0; t < tenants; t++) {
        int tenant = t;
        Thread sender =
            new Thread(
                () -> {
                  for (int done = 0; done < burstPerTenant; done += 500) {
                    burstNumbers.addAll(
                        sendBatch(
                            tokens.get(tenant),
                            customers.get(tenant),
                            run + "-b" + tenant + "-" + done,
                            Math.min(500, burstPerTenant - done)));
                  }
                });
        sender.start();
        senders.add(sender);
      }
      for (Thread s : senders) {
        s.join();
      }
      awaitDelivered(burstNumbers, Duration.ofSeconds(600));
      List<Delivery> got = deliveriesOf(burstNumbers);
      long first = got.stream().mapToLong(Delivery::receivedMillis).min().orElse(0);
      long last = got.stream().mapToLong(Delivery::receivedMillis).max().orElse(0);
      long firstCommit =
          burstNumbers.stream().mapToLong(COMMITTED::get).min().orElse(first);
      System.out.printf(
          "RESULT webhooks-burst invoices=%d subscriptions=%d deliveries=%d"
              + " deliveries_per_s=%.0f (first to last delivery %.1f s; from the first 201 %.1f s)%n",
          burstNumbers.size(),
          tenants,
          got.size(),
          (got.size() - 1) * 1000.0 / Math.max(1, last - first),
          (last - first) / 1000.0,
          (last - firstCommit) / 1000.0);
    } finally {
      for (int t = 0; t < tenants; t++) {
        send("DELETE", "/api/v1/webhooks/" + hooks.get(t), tokens.get(t), null);
      }
      receiver.stop(0);
      System.exit(0);
    }
  }

  private static void report(
      String name, List<String> numbers, int rate, int seconds, int batch, int tenants) {
    List<Delivery> got = deliveriesOf(numbers);
    List<Double> fromCommit = new ArrayList<>();
    List<Double> fromEvent = new ArrayList<>();
    java.util.Set<String> firstSeen = new java.util.HashSet<>();
    for (Delivery d : got) {
      if (firstSeen.add(d.number())) {
        fromCommit.add((double) (d.receivedMillis() - COMMITTED.get(d.number())));
        fromEvent.add((double) (d.receivedMillis() - d.eventMillis()));
      }
    }
    Collections.sort(fromCommit);
    Collections.sort(fromEvent);
    System.out.printf(
        "RESULT %s events=%d rate=%d/s seconds=%d batch=%d subscriptions=%d"
            + " customers_per_subscription=%d delivered=%d duplicates=%d out_of_order=%d"
            + " refused_batches=%d | from the commit (201): p50_ms=%.0f p99_ms=%.0f"
            + " max_ms=%.0f | from the payload timestamp: p50_ms=%.0f p99_ms=%.0f max_ms=%.0f%n",
        name,
        numbers.size(),
        rate,
        seconds,
        batch,
        tenants,
        customersPerTenant,
        fromCommit.size(),
        got.size() - fromCommit.size(),
        OUT_OF_ORDER.get(),
        ANSWERS_NOT_201.get(),
        pct(fromCommit, 50),
        pct(fromCommit, 99),
        fromCommit.isEmpty() ? Double.NaN : fromCommit.get(fromCommit.size() - 1),
        pct(fromEvent, 50),
        pct(fromEvent, 99),
        fromEvent.isEmpty() ? Double.NaN : fromEvent.get(fromEvent.size() - 1));
  }

  private static List<Delivery> deliveriesOf(List<String> numbers) {
    java.util.Set<String> wanted = new java.util.HashSet<>(numbers);
    return DELIVERED.stream().filter(d -> wanted.contains(d.number())).toList();
  }

  private static void awaitDelivered(List<String> numbers, Duration patience)
      throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    java.util.Set<String> wanted = new java.util.HashSet<>(numbers);
    while (System.nanoTime() < deadline) {
      java.util.Set<String> seen = new java.util.HashSet<>();
      DELIVERED.forEach(d -> seen.add(d.number()));
      if (seen.containsAll(wanted)) {
        return;
      }
      Thread.sleep(100);
    }
    System.err.println("not every invoice was delivered within " + patience);
  }

  /** RATE events/s for SECONDS, open loop (a late answer does not delay the next batch). */
  private static List<String> atRate(
      List<String> tokens,
      List<List<String>> customers,
      String prefix,
      int rate,
      int seconds,
      int batch)
      throws InterruptedException {
    int tenants = tokens.size();
    int batches = rate * seconds / batch;
    long periodMicros = 1_000_000L * batch / rate;
    List<String> numbers = Collections.synchronizedList(new ArrayList<>());
    // enough threads that a slow answer never holds back the next batch's start
    ScheduledExecutorService clock = Executors.newScheduledThreadPool(32);
    for (int b = 0; b < batches; b++) {
      int t = b % tenants;
      int index = b;
      clock.schedule(
          () -> numbers.addAll(sendBatch(tokens.get(t), customers.get(t), prefix + index, batch)),
          b * periodMicros,
          TimeUnit.MICROSECONDS);
    }
    clock.shutdown();
    clock.awaitTermination(seconds + 300L, TimeUnit.SECONDS);
    return numbers;
  }

  /** Imports SIZE invoices, spread over the customers; returns their numbers (none if refused). */
  private static List<String> sendBatch(
      String token, List<String> customers, String prefix, int size) {
    List<String> numbers = new ArrayList<>();
    StringBuilder json = new StringBuilder(size * 200).append("{\"invoices\":[");
    for (int i = 0; i < size; i++) {
      String number = "WH-" + prefix + "-" + i;
      numbers.add(number);
      json.append(i > 0 ? "," : "")
          .append("{\"customerId\":\"")
          .append(customers.get(i % customers.size()))
          .append("\",\"number\":\"")
          .append(number)
          .append(
              "\",\"issueDate\":\"2026-06-01\",\"lines\":[{\"description\":\"Widget\","
                  + "\"quantity\":1,\"unitPrice\":10,\"vatRate\":20}]}");
    }
    try {
      HttpResponse<String> r = send("POST", "/api/v1/invoices/batch", token, json.append("]}").toString());
      long committed = System.currentTimeMillis();
      if (r.statusCode() != 201) {
        ANSWERS_NOT_201.incrementAndGet();
        System.err.println("batch answered " + r.statusCode() + ": " + r.body());
        return List.of();
      }
      numbers.forEach(n -> COMMITTED.put(n, committed));
      return numbers;
    } catch (Exception e) {
      ANSWERS_NOT_201.incrementAndGet();
      System.err.println("batch failed: " + e);
      return List.of();
    }
  }

  private static String post(String path, String token, String json, int expect) throws Exception {
    HttpResponse<String> r = send("POST", path, token, json);
    if (r.statusCode() != expect) {
      throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  private static HttpResponse<String> send(String method, String path, String token, String json)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(gateway + path))
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(120));
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .header("Idempotency-Key", UUID.randomUUID().toString())
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A one-hour Bearer token of the local identity provider (bin/suite's gateway accepts it). */
  private static String token(Path privateKey, String tenant) throws Exception {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    long now = Instant.now().getEpochSecond();
    String claims =
        "{\"iss\":\"receivables-local-idp\",\"aud\":\"receivables-local-api\",\"sub\":\"bench\","
            + "\"tenant\":\""
            + tenant
            + "\",\"groups\":[\"admin\",\"erp\",\"collector\",\"credit-manager\",\"viewer\"],"
            + "\"iat\":"
            + now
            + ",\"exp\":"
            + (now + 3600)
            + ",\"jti\":\""
            + UUID.randomUUID()
            + "\"}";
    String input =
        b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    String pem =
        Files.readString(privateKey)
            .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(
        KeyFactory.getInstance("RSA")
            .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem))));
    rsa.update(input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + b64.encodeToString(rsa.sign());
  }

  private static String field(Pattern p, String body) {
    Matcher m = p.matcher(body);
    if (!m.find()) {
      throw new IllegalStateException("no " + p + " in " + body);
    }
    return m.group(1);
  }

  private static double pct(List<Double> sorted, int p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
