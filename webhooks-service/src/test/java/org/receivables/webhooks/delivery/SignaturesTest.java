package org.receivables.webhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The headers verify with the library a receiver uses, and with plain JDK HMAC as docs show. */
class SignaturesTest {

  private static final String BODY =
      "{\"type\":\"invoice.issued\",\"timestamp\":\"2026-12-07T10:00:00Z\",\"data\":{}}";

  private static Map<String, List<String>> asLists(Map<String, String> headers) {
    return Map.of(
        "webhook-id", List.of(headers.get("webhook-id")),
        "webhook-timestamp", List.of(headers.get("webhook-timestamp")),
        "webhook-signature", List.of(headers.get("webhook-signature")));
  }

  @Test
  void aNewSecretIsWhsecAnd32RandomBytes() {
    String secret = Signatures.newSecret();
    assertThat(secret).startsWith("whsec_");
    assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
    assertThat(Signatures.newSecret()).isNotEqualTo(secret);
  }

  @Test
  void theLibraryVerifiesTheHeadersAndRefusesAnotherSecretOrBody() throws Exception {
    String secret = Signatures.newSecret();
    long now = Instant.now().getEpochSecond(); // the library checks it against its own clock
    Map<String, String> headers = Signatures.headers("msg_1", now, BODY, List.of(secret));

    new Webhook(secret).verify(BODY, asLists(headers));

    assertThat(headers.get("webhook-signature")).startsWith("v1,");
    assertThatThrownBy(() -> new Webhook(Signatures.newSecret()).verify(BODY, asLists(headers)))
        .isInstanceOf(WebhookVerificationException.class);
    assertThatThrownBy(() -> new Webhook(secret).verify(BODY + " ", asLists(headers)))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void duringARotationBothSecretsVerify() throws Exception {
    String current = Signatures.newSecret();
    String previous = Signatures.newSecret();
    long now = Instant.now().getEpochSecond();
    Map<String, String> headers =
        Signatures.headers("msg_2", now, BODY, List.of(current, previous));

    assertThat(headers.get("webhook-signature").split(" ")).hasSize(2);
    new Webhook(current).verify(BODY, asLists(headers));
    new Webhook(previous).verify(BODY, asLists(headers));
  }

  @Test
  void theSignatureIsHmacSha256OfIdTimestampAndBodyKeyedWithTheSecretsBase64Part()
      throws Exception {
    String secret = Signatures.newSecret();
    Map<String, String> headers =
        Signatures.headers("msg_3", 1_765_000_000L, BODY, List.of(secret));

    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
    String expected =
        Base64.getEncoder()
            .encodeToString(
                mac.doFinal(("msg_3.1765000000." + BODY).getBytes(StandardCharsets.UTF_8)));
    assertThat(headers.get("webhook-signature")).isEqualTo("v1," + expected);
  }
}
