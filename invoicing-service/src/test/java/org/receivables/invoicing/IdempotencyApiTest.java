package org.receivables.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.receivables.kit.idempotency.Idempotency;
import org.receivables.kit.idempotency.RequestFingerprint;

/** Idempotency-Key on creating POSTs, on the real database. */
@QuarkusTest
class IdempotencyApiTest {

  @Inject EntityManager em;
  @Inject Idempotency idempotency;

  private final TestLedger api = new TestLedger();

  @Test
  void aRetryWithTheSameKeyAndBodyGetsTheFirstAnswer() {
    String key = UUID.randomUUID().toString();
    var body = TestLedger.customerBody("C-" + UUID.randomUUID(), Map.of("days", 30));
    Response first = api.erp().header("Idempotency-Key", key).body(body).post("/api/v1/customers");
    first.then().statusCode(201);
    Response again = api.erp().header("Idempotency-Key", key).body(body).post("/api/v1/customers");
    again
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .header("Location", first.header("Location"))
        .header("ETag", first.header("ETag"))
        .body("id", equalTo(first.path("id")));
    assertThat(again.asString()).isEqualTo(first.asString());
    api.as("viewer")
        .queryParam("externalRef", body.get("externalRef"))
        .get("/api/v1/customers")
        .then()
        .body("items", hasSize(1));
  }

  @Test
  void theSameKeyWithAnotherBodyIsRejected() {
    String key = UUID.randomUUID().toString();
    api.erp()
        .header("Idempotency-Key", key)
        .body(TestLedger.customerBody("C-" + UUID.randomUUID(), Map.of("days", 30)))
        .post("/api/v1/customers")
        .then()
        .statusCode(201);
    api.erp()
        .header("Idempotency-Key", key)
        .body(TestLedger.customerBody("C-" + UUID.randomUUID(), Map.of("days", 30)))
        .post("/api/v1/customers")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("Idempotency-Key"));
  }

  @Test
  void keysArePerTenantAndPerPath() {
    String key = UUID.randomUUID().toString();
    String customerId = api.customer();
    api.erp()
        .header("Idempotency-Key", key)
        .body(TestLedger.invoiceBody(customerId, "2026-01-15", "100"))
        .post("/api/v1/invoices")
        .then()
        .statusCode(201);
    // the same key on another path is another request
    api.erp()
        .header("Idempotency-Key", key)
        .body(TestLedger.customerBody("C-" + UUID.randomUUID(), Map.of("days", 30)))
        .post("/api/v1/customers")
        .then()
        .statusCode(422);
    // another tenant may use the same key
    TestLedger other = new TestLedger();
    other
        .erp()
        .header("Idempotency-Key", key)
        .body(TestLedger.customerBody("C-" + UUID.randomUUID(), Map.of("days", 30)))
        .post("/api/v1/customers")
        .then()
        .statusCode(201);
  }

  @Test
  void aRejectedRequestIsNotRemembered() {
    String key = UUID.randomUUID().toString();
    String customerId = api.customer();
    var body = TestLedger.invoiceBody(customerId, "2026-01-15", "100");
    api.erp().body(body).post("/api/v1/invoices").then().statusCode(201);
    // same number again under a key: 409, and the key stays free for a corrected request
    api.erp()
        .header("Idempotency-Key", key)
        .body(body)
        .post("/api/v1/invoices")
        .then()
        .statusCode(409);
    api.erp()
        .header("Idempotency-Key", key)
        .body(body)
        .post("/api/v1/invoices")
        .then()
        .statusCode(409);
  }

  @Test
  void aMalformedKeyIsA400() {
    api.erp()
        .header("Idempotency-Key", "x".repeat(300))
        .body(TestLedger.customerBody("C-" + UUID.randomUUID(), Map.of("days", 30)))
        .post("/api/v1/customers")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("Idempotency-Key"));
  }

  @Test
  void aDuplicateWhileTheFirstIsRunningGets409() throws Exception {
    String key = UUID.randomUUID().toString();
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    // stand in for a first request that is still running: hold its lock
    Future<?> holder =
        pool.submit(
            () ->
                QuarkusTransaction.requiringNew()
                    .run(
                        () -> {
                          em.createNativeQuery("select pg_advisory_xact_lock(:k)")
                              .setParameter("k", RequestFingerprint.lockKey(api.tenant, key))
                              .getSingleResult();
                          locked.countDown();
                          try {
                            release.await(30, TimeUnit.SECONDS);
                          } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                          }
                        }));
    assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
    var body = TestLedger.customerBody("C-" + UUID.randomUUID(), Map.of("days", 30));
    try {
      api.erp()
          .header("Idempotency-Key", key)
          .body(body)
          .post("/api/v1/customers")
          .then()
          .statusCode(409)
          .contentType("application/problem+json");
    } finally {
      release.countDown();
      holder.get(30, TimeUnit.SECONDS);
      pool.shutdown();
    }
    api.erp()
        .header("Idempotency-Key", key)
        .body(body)
        .post("/api/v1/customers")
        .then()
        .statusCode(201);
  }

  @Test
  void concurrentDuplicatesNeverCreateTwoRows() throws Exception {
    String key = UUID.randomUUID().toString();
    String customerId = api.customer();
    var body = TestLedger.invoiceBody(customerId, "2026-01-15", "100");
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<Response>> answers = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      answers.add(
          pool.submit(
              () -> api.erp().header("Idempotency-Key", key).body(body).post("/api/v1/invoices")));
    }
    List<String> ids = new ArrayList<>();
    for (Future<Response> f : answers) {
      Response r = f.get(60, TimeUnit.SECONDS);
      assertThat(r.statusCode()).isIn(201, 409);
      if (r.statusCode() == 201) {
        ids.add(r.path("id"));
      }
    }
    pool.shutdown();
    assertThat(ids).isNotEmpty();
    assertThat(ids.stream().distinct()).hasSize(1);
    api.as("viewer")
        .queryParam("customerId", customerId)
        .get("/api/v1/invoices")
        .then()
        .body("items", hasSize(1));
  }

  @Test
  void expiredKeysAreForgottenAndPurged() {
    String key = UUID.randomUUID().toString();
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "insert into idempotency_record (tenant_id, idem_key, request_hash, status,"
                            + " headers, body, created_at, expires_at) values (:t, :k, 'old', 201,"
                            + " '{}', '{}', now() - interval '25 hours', now() - interval '1 hour')")
                    .setParameter("t", api.tenant)
                    .setParameter("k", key)
                    .executeUpdate());
    // past its retention, the key is free again: another body is a new request, not a 422
    api.erp()
        .header("Idempotency-Key", key)
        .body(TestLedger.customerBody("C-" + UUID.randomUUID(), Map.of("days", 30)))
        .post("/api/v1/customers")
        .then()
        .statusCode(201);
    String stale = UUID.randomUUID().toString();
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "insert into idempotency_record (tenant_id, idem_key, request_hash, status,"
                            + " headers, body, created_at, expires_at) values (:t, :k, 'old', 201,"
                            + " '{}', '{}', now() - interval '25 hours', now() - interval '1 hour')")
                    .setParameter("t", api.tenant)
                    .setParameter("k", stale)
                    .executeUpdate());
    assertThat(idempotency.purgeExpired()).isGreaterThanOrEqualTo(1);
    Number left =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    (Number)
                        em.createNativeQuery(
                                "select count(*) from idempotency_record where tenant_id = :t")
                            .setParameter("t", api.tenant)
                            .getSingleResult());
    // only the fresh answer to the customer registration remains
    assertThat(left.intValue()).isEqualTo(1);
  }
}
