package org.receivables.kit.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** Which tenant a connection is bound to, from what the token says. */
class TenantContextTest {

  @Test
  void workWithoutATokenIsNotBound() {
    assertThat(context(null, null).boundTenant()).isEmpty();
  }

  @Test
  void aTokenBindsToItsTenant() {
    assertThat(context("raw", "acme").boundTenant()).contains("acme");
  }

  @Test
  void aTokenNamingNoTenantBindsToNoRowsRatherThanToAll() {
    assertThat(context("raw", null).boundTenant()).isEqualTo(Optional.of(""));
    assertThat(context("raw", "  ").boundTenant()).isEqualTo(Optional.of(""));
  }

  private static TenantContext context(String rawToken, String tenant) {
    Map<String, Object> claims =
        tenant == null ? Map.of() : Map.of(TenantContext.TENANT_CLAIM, tenant);
    TenantContext context = new TenantContext();
    context.token =
        (JsonWebToken)
            Proxy.newProxyInstance(
                TenantContextTest.class.getClassLoader(),
                new Class<?>[] {JsonWebToken.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "getRawToken" -> rawToken;
                      case "getClaim" -> claims.get((String) args[0]);
                      default -> throw new UnsupportedOperationException(method.getName());
                    });
    return context;
  }
}
