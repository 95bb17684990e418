package org.receivables.gateway.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

/**
 * Stands in for the company's OIDC provider: a key pair of its own, so that tests sign people's
 * tokens as the provider would and the gateway verifies them for real. Keys are written under
 * target/ so that the test JVM's class loaders all find them.
 */
public class OidcProvider implements QuarkusTestResourceLifecycleManager {

  public static final String ISSUER = "https://login.example.test/realms/acme";
  public static final String AUDIENCE = "receivables-api";
  private static final Path DIR = Path.of("target", "test-oidc");

  @Override
  public Map<String, String> start() {
    try {
      Files.createDirectories(DIR);
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair keys = generator.generateKeyPair();
      Files.writeString(
          DIR.resolve("public.pem"), pem("PUBLIC KEY", keys.getPublic().getEncoded()));
      Files.writeString(
          DIR.resolve("private.pem"), pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
      // a second, unrelated key: tokens it signs must be refused
      Files.writeString(
          DIR.resolve("stranger.pem"),
          pem("PRIVATE KEY", generator.generateKeyPair().getPrivate().getEncoded()));
      return Map.of(
          "gateway.oidc.public-key-location",
          DIR.resolve("public.pem").toAbsolutePath().toString(),
          "gateway.oidc.issuer",
          ISSUER,
          "gateway.oidc.audience",
          AUDIENCE);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void stop() {}

  /** Claims of a person of {@code tenant} with {@code roles}, issued by this provider. */
  public static JwtClaimsBuilder person(String tenant, String... roles) {
    return Jwt.issuer(ISSUER)
        .audience(AUDIENCE)
        .subject("alice@" + tenant)
        .claim("tenant", tenant)
        .groups(java.util.Set.of(roles))
        .expiresIn(300);
  }

  public static String sign(JwtClaimsBuilder claims) {
    return claims.sign(key("private.pem"));
  }

  public static String signAsStranger(JwtClaimsBuilder claims) {
    return claims.sign(key("stranger.pem"));
  }

  private static PrivateKey key(String file) {
    try {
      String pem =
          Files.readString(DIR.resolve(file))
              .replaceAll("-----[A-Z ]+-----", "")
              .replaceAll("\\s", "");
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
