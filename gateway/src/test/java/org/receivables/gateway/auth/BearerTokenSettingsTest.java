package org.receivables.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.receivables.gateway.GatewayConfig;

class BearerTokenSettingsTest {

  private static GatewayConfig.Oidc oidc(String location, String issuer, String audience) {
    return new GatewayConfig.Oidc() {
      public Optional<String> publicKeyLocation() {
        return Optional.ofNullable(location);
      }

      public Optional<String> issuer() {
        return Optional.ofNullable(issuer);
      }

      public Optional<String> audience() {
        return Optional.ofNullable(audience);
      }

      public String tenantClaim() {
        return "tenant";
      }

      public String rolesClaim() {
        return "groups";
      }
    };
  }

  @Test
  void withoutAPublicKeyNothingElseIsNeeded() {
    assertThatCode(() -> BearerTokens.checkSettings(oidc(null, null, null)))
        .doesNotThrowAnyException();
  }

  @Test
  void aPublicKeyNeedsIssuerAndAudience() {
    assertThatThrownBy(() -> BearerTokens.checkSettings(oidc("keys.pem", null, "api")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("gateway.oidc.issuer")
        .hasMessageNotContaining("gateway.oidc.audience");
    assertThatThrownBy(() -> BearerTokens.checkSettings(oidc("keys.pem", "https://idp", " ")))
        .hasMessageContaining("gateway.oidc.audience (GATEWAY_OIDC_AUDIENCE)");
    assertThatThrownBy(() -> BearerTokens.checkSettings(oidc("keys.pem", null, null)))
        .hasMessageContaining("gateway.oidc.issuer")
        .hasMessageContaining("gateway.oidc.audience");
    assertThatCode(() -> BearerTokens.checkSettings(oidc("keys.pem", "https://idp", "api")))
        .doesNotThrowAnyException();
  }

  @Test
  void callerIdsCannotCollideAcrossSubjectsAndTenants() {
    String first = BearerTokens.callerId("idp", "a:b", "c", Set.of("viewer"));
    String second = BearerTokens.callerId("idp", "a", "b:c", Set.of("viewer"));
    String third = BearerTokens.callerId("idp", "a", "b", Set.of("c:viewer"));
    assertThat(first).isNotEqualTo(second).isNotEqualTo(third);
    assertThat(second).isNotEqualTo(third);
    assertThat(BearerTokens.callerId("idp", "a", "b", Set.of("viewer", "erp")))
        .isEqualTo(BearerTokens.callerId("idp", "a", "b", Set.of("erp", "viewer")))
        .isNotEqualTo(BearerTokens.callerId("other-idp", "a", "b", Set.of("erp", "viewer")))
        .startsWith("oidc:");
  }
}
