package org.receivables.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Plays the company's OIDC provider for the local run: Bearer tokens signed with the local key pair
 * under issuer {@code receivables-local-idp}, which {@code bin/suite} configures the gateway to
 * accept. A test mints them for a tenant of its own, so its figures never mix with anyone's data
 * and never depend on what earlier runs left.
 */
final class LocalIdentityProvider {

  static final String ISSUER = "receivables-local-idp";

  /** The audience bin/suite makes the gateway require (GATEWAY_OIDC_AUDIENCE). */
  static final String AUDIENCE = "receivables-local-api";

  static final List<String> ALL_ROLES =
      List.of("admin", "erp", "collector", "credit-manager", "viewer");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private LocalIdentityProvider() {}

  /** A tenant id nobody else uses. */
  static String freshTenant(String purpose) {
    return purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A one-hour token of {@code subject} in {@code tenant} with every role. */
  static String token(String tenant, String subject) {
    return token(tenant, subject, ALL_ROLES);
  }

  static String token(String tenant, String subject, List<String> roles) {
    long now = Instant.now().getEpochSecond();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", ISSUER);
    claims.put("aud", AUDIENCE);
    claims.put("sub", subject);
    claims.put("tenant", tenant);
    claims.put("groups", roles);
    claims.put("iat", now);
    claims.put("exp", now + 3600);
    claims.put("jti", UUID.randomUUID().toString());
    try {
      String signingInput =
          B64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
              + "."
              + B64.encodeToString(JSON.writeValueAsBytes(claims));
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(privateKey());
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + B64.encodeToString(rsa.sign());
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a local Bearer token", e);
    }
  }

  private static PrivateKey privateKey() throws IOException, GeneralSecurityException {
    Path pem =
        Path.of(System.getProperty("suite.root", ".."), "config", "local", "jwt", "private.pem");
    String base64 =
        Files.readString(pem)
            .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }
}
