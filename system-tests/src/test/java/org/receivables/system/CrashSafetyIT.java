package org.receivables.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Crashes every part of the suite in turn (SIGKILL, then a restart) while an ERP keeps creating
 * invoices and payments through the gateway, retrying each request with its Idempotency-Key until
 * it gets a final answer. Afterwards every acknowledged invoice and payment exists exactly once in
 * invoicing, nothing unacknowledged does, and the replicas built from events (dunning, KPIs,
 * scoring) agree with invoicing to the cent: the outbox lost nothing a crash interrupted and the
 * inboxes applied no redelivered event twice.
 *
 * <p>The test works in a tenant of its own (a local Bearer token), so the totals it compares are
 * its own. It waits for convergence with a generous bound and asserts nothing about timing.
 */
class CrashSafetyIT {

  private static final LocalDate ISSUED = LocalDate.of(2026, 3, 2);
  private static final LocalDate RECEIVED = LocalDate.of(2026, 3, 20);
  // the KPI period (90 days to AS_OF) holds every issue and payment date: all count in its flows
  private static final LocalDate AS_OF = LocalDate.of(2026, 4, 30);

  /** Services in the order they are crashed; the broker follows once they are all back. */
  private static final List<String> SERVICES =
      List.of("invoicing", "scoring", "dunning", "kpi", "gateway");

  /** The writers cannot go on without these; the others restart while the writers go on. */
  private static final Set<String> ON_THE_WRITE_PATH = Set.of("invoicing", "gateway");

  private static final int WRITERS = 3;

  private final String tenant = LocalIdentityProvider.freshTenant("crash");
  private final RetryingClient api =
      new RetryingClient(
          LocalIdentityProvider.token(tenant, "erp-" + tenant), Duration.ofSeconds(150));

  /** What the ERP was told: acknowledged invoices (id → total) and payments (id → invoice). */
  private final Map<String, BigDecimal> invoices = new ConcurrentHashMap<>();

  private final Map<String, String> paymentInvoice = new ConcurrentHashMap<>();
  private final Map<String, BigDecimal> paymentAmount = new ConcurrentHashMap<>();
  private final Map<String, String> invoiceCustomer = new ConcurrentHashMap<>();
  private final List<String> refused = new CopyOnWriteArrayList<>();
  private final AtomicInteger acknowledged = new AtomicInteger();

  @Test
  void noAcknowledgedWriteIsLostOrDoubledAndTheReplicasAgreeAfterCrashes() throws Exception {
    List<String> customers = new ArrayList<>();
    for (int i = 0; i < WRITERS; i++) {
      customers.add(createCustomer(i));
    }
    AtomicBoolean running = new AtomicBoolean(true);
    List<Throwable> crashed = new CopyOnWriteArrayList<>();
    List<Thread> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      String customer = customers.get(w);
      int writer = w;
      Thread t =
          new Thread(
              () -> {
                try {
                  for (int n = 0; running.get(); n++) {
                    write(customer, writer, n);
                    Suite.pause(Duration.ofMillis(500));
                  }
                } catch (Throwable e) {
                  crashed.add(e);
                }
              },
              "erp-writer-" + w);
      t.start();
      writers.add(t);
    }
    try {
      List<CompletableFuture<Void>> restarts = new ArrayList<>();
      for (String victim : SERVICES) {
        awaitProgress(crashed);
        log("killing " + victim + " after " + acknowledged.get() + " acknowledged writes");
        Suite.kill(victim);
        CompletableFuture<Void> restart = CompletableFuture.runAsync(() -> Suite.start(victim));
        if (ON_THE_WRITE_PATH.contains(victim)) {
          restart.join();
        } else {
          restarts.add(restart);
        }
      }
      restarts.forEach(CompletableFuture::join);
      awaitProgress(crashed);
      log("killing kafka after " + acknowledged.get() + " acknowledged writes");
      Suite.kill("kafka");
      Suite.start("kafka");
      awaitProgress(crashed);
      log("stopping the writers after " + acknowledged.get() + " acknowledged writes");
    } finally {
      running.set(false);
      for (Thread t : writers) {
        t.join(Duration.ofSeconds(200).toMillis());
      }
      restoreEveryPart();
    }
    assertThat(crashed).as("writers failed").isEmpty();
    assertThat(refused).as("requests with a final answer other than 2xx").isEmpty();
    Suite.awaitAllReady(Duration.ofSeconds(60));

    log("checking invoicing");
    Map<String, JsonNode> stored = invoicesInInvoicing();
    assertThat(stored.keySet())
        .as("invoices in invoicing = the acknowledged ones, each once")
        .isEqualTo(invoices.keySet());
    Map<String, BigDecimal> paid = new HashMap<>();
    paymentInvoice.forEach((p, i) -> paid.merge(i, paymentAmount.get(p), BigDecimal::add));
    BigDecimal outstanding = BigDecimal.ZERO;
    Map<String, BigDecimal> outstandingByCustomer = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : stored.entrySet()) {
      JsonNode invoice = e.getValue();
      BigDecimal expectedPaid = paid.getOrDefault(e.getKey(), BigDecimal.ZERO);
      assertThat(amount(invoice, "amountPaid"))
          .as("amount paid on %s = its acknowledged payments, each once", e.getKey())
          .isEqualByComparingTo(expectedPaid);
      assertThat(amount(invoice, "totalInclTax")).isEqualByComparingTo(invoices.get(e.getKey()));
      assertThat(invoice.path("customerId").asText()).isEqualTo(invoiceCustomer.get(e.getKey()));
      BigDecimal open = amount(invoice, "outstanding");
      assertThat(open).isEqualByComparingTo(invoices.get(e.getKey()).subtract(expectedPaid));
      outstanding = outstanding.add(open);
      outstandingByCustomer.merge(invoice.path("customerId").asText(), open, BigDecimal::add);
    }
    Map<String, RetryingClient.Answer> payments =
        readAll(paymentInvoice.keySet(), p -> api.get("/api/v1/payments/" + p));
    payments.forEach(
        (payment, answer) -> {
          assertThat(answer.status()).as("payment %s", payment).isEqualTo(200);
          assertThat(answer.body().path("allocations").get(0).path("invoiceId").asText())
              .isEqualTo(paymentInvoice.get(payment));
        });
    BigDecimal invoiced = invoices.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal collected = paymentAmount.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);

    log("waiting for the replicas to agree on " + stored.size() + " invoices");
    awaitKpis(outstanding, invoiced, collected, stored.size());
    awaitDunning(stored);
    awaitScoring(outstandingByCustomer);
    log("replicas agree");
  }

  /** Whatever failed above, the tests after this one find every part running. */
  private static void restoreEveryPart() {
    for (String part :
        List.of("kafka", "invoicing", "scoring", "dunning", "kpi", "webhooks", "gateway")) {
      try {
        Suite.start(part); // does nothing to a part that runs
      } catch (AssertionError | RuntimeException e) {
        log("could not restart " + part + ": " + e.getMessage());
      }
    }
  }

  /** Reads with a few connections at once: hundreds of reads one by one take long. */
  private static Map<String, RetryingClient.Answer> readAll(
      Collection<String> ids, Function<String, RetryingClient.Answer> read) {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Map<String, CompletableFuture<RetryingClient.Answer>> pending = new HashMap<>();
      for (String id : ids) {
        pending.put(id, CompletableFuture.supplyAsync(() -> read.apply(id), pool));
      }
      Map<String, RetryingClient.Answer> answers = new HashMap<>();
      pending.forEach((id, answer) -> answers.put(id, answer.join()));
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void log(String message) {
    System.out.println(Instant.now() + " CrashSafetyIT: " + message);
  }

  // ------------------------------------------------------------------ the ERP's writes

  private String createCustomer(int i) {
    RetryingClient.Answer answer =
        api.create(
            "/api/v1/customers",
            Fixtures.customer("CRASH-" + i + "-" + UUID.randomUUID(), "Client crash " + i));
    assertThat(answer.status()).as("customer: %s", answer.body()).isEqualTo(201);
    return answer.text("id");
  }

  /** One invoice, then a part payment of it; what is acknowledged is recorded. */
  private void write(String customer, int writer, int n) {
    BigDecimal unitPrice =
        new BigDecimal(100 + n % 50).add(new BigDecimal(writer).movePointLeft(2));
    RetryingClient.Answer invoice =
        api.create(
            "/api/v1/invoices",
            Fixtures.invoice(
                customer,
                "CR-" + writer + "-" + n + "-" + UUID.randomUUID().toString().substring(0, 8),
                ISSUED,
                "Prestation",
                unitPrice));
    if (invoice.status() != 201) {
      refused.add("invoice: " + invoice.status() + " " + invoice.body());
      return;
    }
    String invoiceId = invoice.text("id");
    BigDecimal total = amount(invoice.body(), "totalInclTax");
    invoices.put(invoiceId, total);
    invoiceCustomer.put(invoiceId, customer);
    acknowledged.incrementAndGet();
    BigDecimal part =
        total.multiply(new BigDecimal("0.40")).setScale(2, java.math.RoundingMode.DOWN);
    RetryingClient.Answer payment =
        api.create(
            "/api/v1/invoices/" + invoiceId + "/payments",
            Map.of("amount", part, "receivedOn", RECEIVED.toString(), "reference", "VIR-" + n));
    if (payment.status() != 201) {
      refused.add("payment: " + payment.status() + " " + payment.body());
      return;
    }
    String paymentId = payment.text("id");
    paymentInvoice.put(paymentId, invoiceId);
    paymentAmount.put(paymentId, part);
    acknowledged.incrementAndGet();
  }

  /** Lets the writers get a few more acknowledgements, so that each crash hits work in flight. */
  private void awaitProgress(List<Throwable> crashed) {
    int target = acknowledged.get() + 2 * WRITERS;
    Suite.await(
        "the writers to make progress",
        Duration.ofSeconds(180),
        () -> !crashed.isEmpty() || acknowledged.get() >= target);
  }

  // ------------------------------------------------------------------ what the services hold

  private Map<String, JsonNode> invoicesInInvoicing() {
    Map<String, JsonNode> all = new HashMap<>();
    String cursor = null;
    do {
      RetryingClient.Answer page =
          api.get("/api/v1/invoices?limit=500" + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.status()).as("list: %s", page.body()).isEqualTo(200);
      for (JsonNode item : page.body().path("items")) {
        JsonNode earlier = all.put(item.path("id").asText(), item);
        assertThat(earlier).as("invoice listed twice: %s", item).isNull();
      }
      cursor = page.text("nextCursor");
    } while (cursor != null);
    return all;
  }

  private void awaitKpis(
      BigDecimal outstanding, BigDecimal invoiced, BigDecimal collected, int count) {
    String[] last = {""};
    Suite.await(
        "KPI summary to match invoicing (outstanding "
            + outstanding
            + ", invoiced "
            + invoiced
            + ", collected "
            + collected
            + ", "
            + count
            + " open invoices)",
        Duration.ofSeconds(120),
        () -> {
          JsonNode summary = api.get("/api/v1/kpis/summary?asOf=" + AS_OF).body();
          last[0] = String.valueOf(summary);
          return amount(summary, "outstanding").compareTo(outstanding) == 0
              && amount(summary, "invoiced").compareTo(invoiced) == 0
              && amount(summary, "collected").compareTo(collected) == 0
              && summary.path("openInvoices").asInt() == count;
        },
        () -> last[0]);
    JsonNode summary = api.get("/api/v1/kpis/summary?asOf=" + AS_OF).body();
    BigDecimal buckets = BigDecimal.ZERO;
    for (String bucket : List.of("notDue", "days1to30", "days31to60", "days61to90", "over90")) {
      buckets = buckets.add(amount(summary.path("aging"), bucket));
    }
    assertThat(buckets).isEqualByComparingTo(outstanding);
    // due 30 days after 2 March: every invoice is overdue on 30 April
    assertThat(amount(summary, "overdue")).isEqualByComparingTo(outstanding);
  }

  /** Dunning's replica, invoice by invoice: the principal it would claim interest on. */
  private void awaitDunning(Map<String, JsonNode> stored) {
    Set<String> pending = new HashSet<>(stored.keySet());
    String[] last = {""};
    Suite.await(
        "dunning's replica to match invoicing (" + stored.size() + " invoices)",
        Duration.ofSeconds(120),
        () -> {
          Map<String, RetryingClient.Answer> claims =
              readAll(
                  pending,
                  id -> api.get("/api/v1/dunning/interest?invoiceId=" + id + "&asOf=" + AS_OF));
          claims.forEach(
              (id, claim) -> {
                if (claim.status() == 200
                    && amount(claim.body(), "principal")
                            .compareTo(amount(stored.get(id), "outstanding"))
                        == 0) {
                  pending.remove(id);
                } else {
                  last[0] = id + ": " + claim.status() + " " + claim.body();
                }
              });
          return pending.isEmpty();
        },
        () -> last[0]);
  }

  /** Scoring's ledger, customer by customer: what it holds as still owed. */
  private void awaitScoring(Map<String, BigDecimal> outstandingByCustomer) {
    String[] last = {""};
    Suite.await(
        "scoring's exposure to match invoicing " + outstandingByCustomer,
        Duration.ofSeconds(120),
        () ->
            outstandingByCustomer.entrySet().stream()
                .allMatch(
                    e -> {
                      RetryingClient.Answer behaviour =
                          api.get("/api/v1/scores/" + e.getKey() + "/behaviour");
                      last[0] = e.getKey() + ": " + behaviour.status() + " " + behaviour.body();
                      return behaviour.status() == 200
                          && amount(behaviour.body(), "exposure").compareTo(e.getValue()) == 0;
                    }),
        () -> last[0]);
  }

  private static BigDecimal amount(JsonNode json, String field) {
    JsonNode value = json.path(field);
    assertThat(value.isMissingNode() || value.isNull()).as("%s in %s", field, json).isFalse();
    return new BigDecimal(value.asText());
  }
}
