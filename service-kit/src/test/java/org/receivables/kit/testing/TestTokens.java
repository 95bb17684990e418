package org.receivables.kit.testing;

import io.smallrye.jwt.build.Jwt;
import java.util.Set;
import org.receivables.kit.tenant.TenantContext;

/**
 * Signs tokens the way the gateway does, with the local test key, so that service tests go through
 * the real JWT verification instead of bypassing security.
 */
public final class TestTokens {

  public static final String ISSUER = "receivables-gateway";

  private TestTokens() {}

  public static String bearer(String tenant, String... roles) {
    return "Bearer "
        + Jwt.issuer(ISSUER)
            .subject("test-" + tenant)
            .claim(TenantContext.TENANT_CLAIM, tenant)
            .groups(Set.of(roles))
            .expiresIn(600)
            .sign();
  }

  /** A tenant id no earlier run used, so tests never depend on what the database already holds. */
  public static String freshTenant() {
    return "t-" + java.util.UUID.randomUUID().toString().substring(0, 12);
  }
}
