package org.receivables.kit.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.receivables.kit.jdbc.NamedRows;
import org.receivables.kit.problem.ProblemException;

/**
 * Makes a creating request safe to retry: the first successful answer to an {@code Idempotency-Key}
 * is stored in the same transaction as the change it caused, and a retry with the same key and
 * request gets that answer again instead of a second change.
 *
 * <p>A transaction-scoped advisory lock on the key is taken before any work: a duplicate that
 * arrives while the first is still running gets 409 at once, and the primary key (tenant, key)
 * makes a second stored answer impossible. Only 2xx answers are stored: a rejected request changed
 * nothing, so its retry is evaluated afresh.
 *
 * <p>Resource methods use it by carrying {@link Idempotent} (its interceptor calls {@link
 * #execute}); code that is not a resource method may call {@link #execute} around the service call.
 * The service's own transaction joins this one.
 */
@ApplicationScoped
public class Idempotency {

  @Inject EntityManager em;
  @Inject ObjectMapper json;
  @Inject IdempotencyConfig config;
  @Inject Clock clock;

  /**
   * Runs {@code action} once per tenant and key.
   *
   * @param rawKey the header's value; null runs the action without idempotency
   * @param body the request body as deserialised (hashed as canonical JSON), or null
   */
  @Transactional
  public Response execute(
      String tenantId,
      String rawKey,
      String method,
      String path,
      Object body,
      Supplier<Response> action) {
    String key = IdempotencyKey.check(rawKey);
    if (key == null) {
      return action.get();
    }
    String hash = RequestFingerprint.of(method, path, canonical(body));
    Boolean locked =
        NamedRows.value(
            em.createNativeQuery("select pg_try_advisory_xact_lock(:k)")
                .setParameter("k", RequestFingerprint.lockKey(tenantId, key)),
            Boolean.class);
    if (!Boolean.TRUE.equals(locked)) {
      throw inProgress();
    }
    Instant now = Instant.now(clock);
    StoredResponse earlier = earlierAnswer(tenantId, key, hash, now);
    if (earlier != null) {
      return earlier.replay();
    }
    Response response = action.get();
    if (response.getStatus() < 200 || response.getStatus() > 299) {
      return response;
    }
    StoredResponse stored = StoredResponse.capture(response, json);
    int inserted =
        em.createNativeQuery(
                "insert into idempotency_record (tenant_id, idem_key, request_hash, status,"
                    + " headers, body, created_at, expires_at) values (:t, :k, :h, :s, :hd, :b,"
                    + " :at, :exp) on conflict do nothing")
            .setParameter("t", tenantId)
            .setParameter("k", key)
            .setParameter("h", hash)
            .setParameter("s", stored.status())
            .setParameter("hd", stored.headersJson(json))
            .setParameter("b", stored.body())
            .setParameter("at", now)
            .setParameter("exp", now.plus(config.retention()))
            .executeUpdate();
    if (inserted != 1) {
      // the lock makes this unreachable; if it ever happens, undo the change rather than doubling
      // it
      throw inProgress();
    }
    return response;
  }

  /** {@link #execute} for the common case: a POST keyed on the request's own path. */
  @Transactional
  public Response post(
      String tenantId, String rawKey, UriInfo uri, Object body, Supplier<Response> action) {
    return execute(tenantId, rawKey, "POST", uri.getPath(), body, action);
  }

  /** Deletes answers older than the retention; returns how many. */
  @Transactional
  public int purgeExpired() {
    return em.createNativeQuery("delete from idempotency_record where expires_at <= :now")
        .setParameter("now", Instant.now(clock))
        .executeUpdate();
  }

  /** The answer kept for a key, as stored. */
  private record KeptAnswer(
      String requestHash, int status, String headers, String body, Instant expiresAt) {}

  private StoredResponse earlierAnswer(String tenantId, String key, String hash, Instant now) {
    KeptAnswer kept =
        NamedRows.first(
                em.createNativeQuery(
                        "select request_hash, status, headers, body, expires_at from"
                            + " idempotency_record where tenant_id = :t and idem_key = :k",
                        Tuple.class)
                    .setParameter("t", tenantId)
                    .setParameter("k", key),
                KeptAnswer.class)
            .orElse(null);
    if (kept == null) {
      return null;
    }
    if (!kept.expiresAt().isAfter(now)) {
      em.createNativeQuery("delete from idempotency_record where tenant_id = :t and idem_key = :k")
          .setParameter("t", tenantId)
          .setParameter("k", key)
          .executeUpdate();
      return null;
    }
    if (!hash.equals(kept.requestHash())) {
      throw new ProblemException(
          422,
          "Idempotency-Key reused",
          "This Idempotency-Key was already used for a different request (method, path or body);"
              + " use a new key for a new request",
          List.of(
              new org.receivables.kit.problem.Problem.FieldError(
                  IdempotencyKey.HEADER, "was used for a different request")));
    }
    return new StoredResponse(
        kept.status(), StoredResponse.readHeaders(kept.headers(), json), kept.body());
  }

  private String canonical(Object body) {
    if (body == null) {
      return "";
    }
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Request body cannot be fingerprinted", e);
    }
  }

  private static ProblemException inProgress() {
    return new ProblemException(
        409,
        "Request in progress",
        "A request with this Idempotency-Key is being processed; retry after it has finished");
  }
}
