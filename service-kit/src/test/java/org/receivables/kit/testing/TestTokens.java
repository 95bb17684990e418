package org.receivables.kit.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.receivables.kit.tenant.TenantContext;

/**
 * Signs tokens the way the gateway does, with the local test key, so that service tests go through
 * the real JWT verification instead of bypassing security. Like the gateway's, a token names the
 * service it is for: by default the audience the service under test verifies ({@code
 * mp.jwt.verify.audiences}).
 */
public final class TestTokens {

  public static final String ISSUER = "receivables-gateway";

  private TestTokens() {}

  public static String bearer(String tenant, String... roles) {
    return "Bearer " + claims(tenant, roles, ownAudience()).sign();
  }

  /**
   * A token for another service's audience (or none, with null), which this service must refuse.
   */
  public static String bearerFor(String audience, String tenant, String... roles) {
    return "Bearer " + claims(tenant, roles, Optional.ofNullable(audience)).sign();
  }

  private static JwtClaimsBuilder claims(String tenant, String[] roles, Optional<String> audience) {
    JwtClaimsBuilder claims =
        Jwt.issuer(ISSUER)
            .subject("test-" + tenant)
            .claim(TenantContext.TENANT_CLAIM, tenant)
            .groups(Set.of(roles))
            .expiresIn(600);
    audience.ifPresent(claims::audience);
    return claims;
  }

  /** The first audience the service under test accepts, if it checks one. */
  private static Optional<String> ownAudience() {
    return ConfigProvider.getConfig()
        .getOptionalValue("mp.jwt.verify.audiences", String.class)
        .map(list -> list.split(",")[0].trim())
        .filter(aud -> !aud.isEmpty());
  }

  /** A tenant id no earlier run used, so tests never depend on what the database already holds. */
  public static String freshTenant() {
    return "t-" + java.util.UUID.randomUUID().toString().substring(0, 12);
  }
}
