package org.receivables.kit.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.receivables.kit.problem.ProblemException;

class IdempotencyRulesTest {

  @Test
  void theFingerprintCoversMethodPathAndBody() {
    String base = RequestFingerprint.of("POST", "/api/v1/invoices", "{\"a\":1}");
    assertThat(RequestFingerprint.of("post", "/api/v1/invoices", "{\"a\":1}")).isEqualTo(base);
    assertThat(RequestFingerprint.of("PUT", "/api/v1/invoices", "{\"a\":1}")).isNotEqualTo(base);
    assertThat(RequestFingerprint.of("POST", "/api/v1/customers", "{\"a\":1}")).isNotEqualTo(base);
    assertThat(RequestFingerprint.of("POST", "/api/v1/invoices", "{\"a\":2}")).isNotEqualTo(base);
    assertThat(RequestFingerprint.of("POST", "/api/v1/invoices", null))
        .isEqualTo(RequestFingerprint.of("POST", "/api/v1/invoices", ""));
    assertThat(base).hasSize(64);
  }

  @Test
  void lockKeysAreStablePerTenantAndKey() {
    assertThat(RequestFingerprint.lockKey("acme", "k1"))
        .isEqualTo(RequestFingerprint.lockKey("acme", "k1"));
    assertThat(RequestFingerprint.lockKey("acme", "k1"))
        .isNotEqualTo(RequestFingerprint.lockKey("globex", "k1"));
    assertThat(RequestFingerprint.lockKey("acme", "k1"))
        .isNotEqualTo(RequestFingerprint.lockKey("acme", "k2"));
  }

  @Test
  void keysMustBePrintableAndShort() {
    assertThat(IdempotencyKey.check(null)).isNull();
    assertThat(IdempotencyKey.check(" 7f1c-22 ")).isEqualTo("7f1c-22");
    assertThatThrownBy(() -> IdempotencyKey.check(""))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
    assertThatThrownBy(() -> IdempotencyKey.check("a b")).isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> IdempotencyKey.check("clé")).isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> IdempotencyKey.check("x".repeat(256)))
        .isInstanceOf(ProblemException.class);
    assertThat(IdempotencyKey.check("x".repeat(255))).hasSize(255);
  }

  @Test
  void aStoredAnswerReplaysStatusHeadersAndBody() {
    ObjectMapper json = new ObjectMapper();
    StoredResponse stored =
        StoredResponse.capture(
            Response.status(201)
                .header("Location", "http://h/api/v1/x/1")
                .header("ETag", "\"0\"")
                .header("Date", "today")
                .entity(Map.of("id", "1"))
                .build(),
            json);
    assertThat(stored.status()).isEqualTo(201);
    assertThat(stored.body()).isEqualTo("{\"id\":\"1\"}");
    assertThat(stored.headers())
        .containsEntry("Location", "http://h/api/v1/x/1")
        .containsEntry("ETag", "\"0\"")
        .containsEntry("Content-Type", "application/json")
        .doesNotContainKey("Date");
    StoredResponse roundTrip =
        new StoredResponse(
            stored.status(),
            StoredResponse.readHeaders(stored.headersJson(json), json),
            stored.body());
    assertThat(roundTrip).isEqualTo(stored);
  }
}
