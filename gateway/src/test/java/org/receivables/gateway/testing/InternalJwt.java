package org.receivables.gateway.testing;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Verifies the gateway's token with the JDK alone and the public key the services use, so the test
 * does not trust the library that signed it.
 */
public final class InternalJwt {

  private InternalJwt() {}

  /** The verified claims, or an AssertionError if the signature does not hold. */
  public static JsonObject verifiedClaims(String authorization) throws Exception {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      throw new AssertionError("no bearer token: " + authorization);
    }
    String[] parts = authorization.substring(7).split("\\.");
    if (parts.length != 3) {
      throw new AssertionError("not a signed JWT");
    }
    JsonObject header = decode(parts[0]);
    if (!"RS256".equals(header.getString("alg"))) {
      throw new AssertionError("unexpected alg " + header);
    }
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initVerify(publicKey());
    rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    if (!rsa.verify(Base64.getUrlDecoder().decode(parts[2]))) {
      throw new AssertionError("signature does not verify with config/local/jwt/public.pem");
    }
    return decode(parts[1]);
  }

  private static JsonObject decode(String part) {
    return new JsonObject(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
  }

  private static PublicKey publicKey() throws Exception {
    String pem =
        Files.readString(
            Path.of(
                System.getProperty(
                    "mp.jwt.verify.publickey.location", "../config/local/jwt/public.pem")));
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA")
        .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }
}
