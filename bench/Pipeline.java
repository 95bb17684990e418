import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The event pipeline end to end (issue #17): a bulk import through the gateway with the whole suite
 * running, timed until scoring, dunning and kpi hold every invoice, with the consumers' lag sampled
 * every 250 ms meanwhile and after the import's end until it is back to zero. Two lags are sampled:
 * the invoices a service's database still lacks (work not applied yet) and each consumer group's
 * offset lag on {@code receivables.invoicing.v1} as Kafka reports it (committed offsets, which trail
 * the applied work by the group's commit interval).
 *
 * <p>Usage: java -cp 'KAFKA_LIB/*:PG_DRIVER' bench/Pipeline.java GATEWAY KEY INVOICES BATCH_SIZE
 * CUSTOMERS KAFKA_BOOTSTRAP JDBC_BASE USER PASSWORD DB_INVOICING DB_SCORING DB_DUNNING DB_KPI, where
 * JDBC_BASE is {@code jdbc:postgresql://host:port/}.
 *
 * <p>Prints the lag curve (one line per second after the import's end), then: RESULT pipeline
 * invoices=... import_s=... end_to_end_s=... end_to_end_per_s=... caught_up_after_import_s=...
 * group_lag_zero_after_import_s=...
 */
public class Pipeline {

  private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
  private static final String TOPIC = "receivables.invoicing.v1";
  private static final List<String> GROUPS =
      List.of("scoring-service", "dunning-service", "kpi-service");

  /** One sample: seconds since the import's start, invoices missing per service, group lags. */
  private record Sample(double at, Map<String, Long> missing, Map<String, Long> groupLag) {
    boolean groupsAtZero() {
      return groupLag.values().stream().allMatch(l -> l <= 0);
    }
  }

  public static void main(String[] args) throws Exception {
    String gateway = args[0];
    String key = args[1];
    int invoices = Integer.parseInt(args[2]);
    int size = Integer.parseInt(args[3]);
    int customerCount = Integer.parseInt(args[4]);
    String bootstrap = args[5];
    String jdbc = args[6];
    String user = args[7];
    String password = args[8];
    Map<String, String> dbs = new LinkedHashMap<>();
    dbs.put("invoicing", args[9]);
    dbs.put("scoring", args[10]);
    dbs.put("dunning", args[11]);
    dbs.put("kpi", args[12]);
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> customers = new ArrayList<>();
    for (int i = 0; i < customerCount; i++) {
      Matcher m =
          ID.matcher(
              post(
                  http,
                  gateway + "/api/v1/customers",
                  key,
                  "{\"externalRef\":\"PIPE-"
                      + run
                      + "-"
                      + i
                      + "\",\"name\":\"Pipe "
                      + i
                      + "\",\"country\":\"FR\",\"currency\":\"EUR\",\"language\":\"fr\","
                      + "\"paymentTerms\":{\"days\":30}}"));
      if (!m.find()) {
        throw new IllegalStateException("no customer id");
      }
      customers.add(m.group(1));
    }
    Properties admin = new Properties();
    admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin kafka = Admin.create(admin);
        Counts counts = new Counts(jdbc, user, password, dbs)) {
      // the customers' own events first: the import starts from consumers that caught up. What
      // a consumer lacks then (invoices written straight into invoicing's tables, as
      // BENCH_CASH_LOAD=sql does, never reach it) is the baseline, not counted as missing.
      waitUntil(() -> sample(0, kafka, Map.of()).groupsAtZero(), 120);
      Map<String, Long> baseline = counts.missing();
      waitUntil(() -> counts.missingBeyond(baseline).values().stream().allMatch(m -> m <= 0), 120);
      Map<String, Long> before = counts.held();
      List<Sample> samples = new ArrayList<>();
      long start = System.nanoTime();
      Thread sampler =
          new Thread(
              () -> {
                try {
                  while (!Thread.currentThread().isInterrupted()) {
                    Sample s = sample((System.nanoTime() - start) / 1e9, kafka, Map.of());
                    synchronized (samples) {
                      samples.add(s);
                    }
                    Thread.sleep(250);
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      sampler.setDaemon(true);
      sampler.start();
      int sent = 0;
      for (int b = 0; sent < invoices; b++) {
        int n = Math.min(size, invoices - sent);
        post(http, gateway + "/api/v1/invoices/batch", key, batch(run, b, n, customers));
        sent += n;
      }
      double importEnd = (System.nanoTime() - start) / 1e9;
      // until every service holds every invoice and every group's committed lag is zero (10 min)
      long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
      while (System.nanoTime() < deadline) {
        Thread.sleep(250);
        synchronized (samples) {
          if (!samples.isEmpty()) {
            Sample last = samples.get(samples.size() - 1);
            if (last.at() > importEnd && last.groupsAtZero()) {
              break;
            }
          }
        }
      }
      sampler.interrupt();
      sampler.join();
      double groupsZero = firstAfter(samples, importEnd, Sample::groupsAtZero);
      // offsets are committed after the work is applied: every database must hold every invoice
      Map<String, Long> missing = counts.missingBeyond(baseline);
      double caughtUp = groupsZero;
      while (!missing.values().stream().allMatch(m -> m <= 0) && System.nanoTime() < deadline) {
        Thread.sleep(500);
        missing = counts.missingBeyond(baseline);
        caughtUp = (System.nanoTime() - start) / 1e9 - importEnd;
      }
      Map<String, Long> after = counts.held();
      System.out.printf(
          "each consumer group's offset lag (records, every topic it reads), by second from the"
              + " import's end%n");
      double next = 0;
      for (Sample s : samples) {
        if (s.at() >= next) {
          System.out.printf(
              "  %+6.1f s  group lag %s%n", s.at() - importEnd, s.groupLag());
          next = Math.floor(s.at()) + 1;
        }
      }
      System.out.printf(
          "imported: %s before, %s after%n", before, after);
      System.out.printf(
          "RESULT pipeline invoices=%d batch_size=%d customers=%d import_s=%.1f"
              + " import_per_s=%.0f end_to_end_s=%.1f end_to_end_per_s=%.0f"
              + " caught_up_after_import_s=%.1f group_lag_zero_after_import_s=%.1f%n",
          invoices,
          size,
          customerCount,
          importEnd,
          invoices / importEnd,
          importEnd + caughtUp,
          invoices / (importEnd + caughtUp),
          caughtUp,
          groupsZero);
    }
  }

  /** Seconds after {@code importEnd} of the first sample from then on that holds; NaN if none. */
  private static double firstAfter(
      List<Sample> samples, double importEnd, java.util.function.Predicate<Sample> holds) {
    return samples.stream()
        .filter(s -> s.at() >= importEnd && holds.test(s))
        .mapToDouble(s -> s.at() - importEnd)
        .findFirst()
        .orElse(Double.NaN);
  }

  /** Each group's lag over every partition it committed on (every topic it reads). */
  private static Sample sample(double at, Admin kafka, Map<String, Long> missing)
      throws Exception {
    Map<String, Long> lags = new LinkedHashMap<>();
    for (String group : GROUPS) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          kafka.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, Long> end =
          kafka
              .listOffsets(
                  committed.keySet().stream()
                      .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
              .all()
              .get()
              .entrySet()
              .stream()
              .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
      long lag = 0;
      for (Map.Entry<TopicPartition, OffsetAndMetadata> c : committed.entrySet()) {
        lag += Math.max(0, end.get(c.getKey()) - c.getValue().offset());
      }
      lags.put(group.replace("-service", ""), lag);
    }
    return new Sample(at, missing, lags);
  }

  /** The bench tenant's invoices each database holds, on one connection per database. */
  private static final class Counts implements AutoCloseable {
    private final Map<String, Connection> connections = new LinkedHashMap<>();

    Counts(String jdbc, String user, String password, Map<String, String> dbs) throws Exception {
      for (Map.Entry<String, String> db : dbs.entrySet()) {
        connections.put(db.getKey(), DriverManager.getConnection(jdbc + db.getValue(), user, password));
      }
    }

    synchronized Map<String, Long> held() throws Exception {
      Map<String, Long> out = new LinkedHashMap<>();
      for (Map.Entry<String, Connection> c : connections.entrySet()) {
        String table = c.getKey().equals("invoicing") ? "invoice" : c.getKey().equals("kpi") ? "kpi_invoice" : "invoice_replica";
        try (Statement st = c.getValue().createStatement();
            ResultSet rs =
                st.executeQuery("select count(*) from " + table + " where tenant_id = 'bench'")) {
          rs.next();
          out.put(c.getKey(), rs.getLong(1));
        }
      }
      return out;
    }

    /** Invoices invoicing holds that each consumer's database does not hold yet. */
    Map<String, Long> missing() throws Exception {
      Map<String, Long> held = held();
      long issued = held.remove("invoicing");
      Map<String, Long> out = new LinkedHashMap<>();
      held.forEach((service, n) -> out.put(service, issued - n));
      return out;
    }

    /** {@link #missing()} less what each consumer already lacked at {@code baseline}. */
    Map<String, Long> missingBeyond(Map<String, Long> baseline) throws Exception {
      Map<String, Long> out = missing();
      out.replaceAll((service, n) -> n - baseline.getOrDefault(service, 0L));
      return out;
    }

    @Override
    public void close() throws Exception {
      for (Connection c : connections.values()) {
        c.close();
      }
    }
  }

  @FunctionalInterface
  private interface Check {
    boolean holds() throws Exception;
  }

  private static void waitUntil(Check check, int seconds) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    while (!check.holds()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the consumers did not catch up before the import");
      }
      Thread.sleep(500);
    }
  }

  private static String batch(String run, int b, int size, List<String> customers) {
    StringBuilder json = new StringBuilder(size * 330).append("{\"invoices\":[");
    for (int i = 0; i < size; i++) {
      if (i > 0) {
        json.append(',');
      }
      json.append("{\"customerId\":\"")
          .append(customers.get((b * size + i) % customers.size()))
          .append("\",\"number\":\"PL-")
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

  private static String post(HttpClient http, String url, String key, String json)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("X-API-Key", key)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(120))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
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
