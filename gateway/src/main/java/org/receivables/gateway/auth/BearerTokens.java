package org.receivables.gateway.auth;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.receivables.gateway.GatewayConfig;

/**
 * Verifies Bearer tokens issued to people and front ends by the company's OIDC provider (signature,
 * issuer, expiry, audience) and maps them to a caller. The services never see these tokens: they
 * get the gateway's own short-lived token, so a provider change touches only the gateway.
 */
@ApplicationScoped
public class BearerTokens {

  /** The roles the suite knows; any other role a provider sends is dropped, never forwarded. */
  static final Set<String> SUITE_ROLES =
      Set.of("admin", "erp", "collector", "credit-manager", "viewer");

  private final GatewayConfig.Oidc config;
  private final Optional<DefaultJWTParser> parser;

  public BearerTokens(GatewayConfig config) {
    this.config = config.oidc();
    this.parser =
        this.config
            .publicKeyLocation()
            .map(
                location -> {
                  JWTAuthContextInfo info =
                      new JWTAuthContextInfo(location, this.config.issuer().orElse(null));
                  this.config.audience().ifPresent(aud -> info.setExpectedAudience(Set.of(aud)));
                  return new DefaultJWTParser(info);
                });
  }

  public boolean enabled() {
    return parser.isPresent();
  }

  /**
   * The caller the token stands for.
   *
   * @throws InvalidToken with a reason a person can act on
   */
  public Caller verify(String token) {
    JsonWebToken jwt;
    try {
      jwt =
          parser
              .orElseThrow(() -> new InvalidToken("Bearer tokens are not configured"))
              .parse(token);
    } catch (ParseException e) {
      throw new InvalidToken("The Bearer token is not valid (signature, issuer or expiry)");
    }
    Object tenant = jwt.getClaim(config.tenantClaim());
    if (!(tenant instanceof String t) || t.isBlank()) {
      throw new InvalidToken(
          "The Bearer token names no tenant (claim " + config.tenantClaim() + ")");
    }
    Set<String> roles = new TreeSet<>();
    Object claimed = jwt.getClaim(config.rolesClaim());
    if (claimed instanceof Collection<?> list) {
      list.stream()
          .map(r -> String.valueOf(r).replace("\"", ""))
          .filter(SUITE_ROLES::contains)
          .forEach(roles::add);
    }
    String subject = jwt.getSubject() == null ? "unknown" : jwt.getSubject();
    // One cache entry per person, tenant and roles: bounded by users, not by tokens.
    String id = "oidc:" + subject + ":" + t + ":" + String.join(",", roles);
    return new Caller(id, subject, t, roles);
  }

  /** A token that must be answered with 401. */
  public static final class InvalidToken extends RuntimeException {
    public InvalidToken(String message) {
      super(message, null, false, false);
    }
  }
}
