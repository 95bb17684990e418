package org.receivables.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.receivables.gateway.GatewayConfig;

/**
 * Verifies Bearer tokens issued to people and front ends by the company's OIDC provider (signature,
 * issuer, expiry, audience) and maps them to a caller. The services never see these tokens: they
 * get the gateway's own short-lived token, so a provider change touches only the gateway.
 *
 * <p>A verified token is remembered (bounded, until its expiry and at most {@link #REMEMBERED}) so
 * that a client's next requests are authenticated on the event loop: only a token never seen waits
 * for a worker thread, and the rate limits after authentication answer without queueing.
 */
@ApplicationScoped
public class BearerTokens {

  /** The roles the suite knows; any other role a provider sends is dropped, never forwarded. */
  static final Set<String> SUITE_ROLES =
      Set.of("admin", "erp", "collector", "credit-manager", "viewer");

  /** How long a verified token is trusted without checking it again, within its own expiry. */
  static final Duration REMEMBERED = Duration.ofMinutes(5);

  private static final int MAX_REMEMBERED = 10_000;

  private final GatewayConfig.Oidc config;
  private final Optional<DefaultJWTParser> parser;
  private final Cache<String, Verified> verified =
      Caffeine.newBuilder()
          .maximumSize(MAX_REMEMBERED)
          .expireAfter(Expiry.<String, Verified>creating((token, entry) -> entry.trustedFor()))
          .build();

  public BearerTokens(GatewayConfig config) {
    this.config = config.oidc();
    checkSettings(this.config);
    this.parser =
        this.config
            .publicKeyLocation()
            .map(
                location -> {
                  JWTAuthContextInfo info =
                      new JWTAuthContextInfo(location, this.config.issuer().orElseThrow());
                  info.setExpectedAudience(Set.of(this.config.audience().orElseThrow()));
                  return new DefaultJWTParser(info);
                });
  }

  /**
   * Refuses to start with Bearer tokens on but issuer or audience unset: without them a token of
   * any issuer signed with a shared provider key, or one issued for another application, would be
   * accepted.
   *
   * @throws IllegalStateException saying which setting is missing
   */
  static void checkSettings(GatewayConfig.Oidc oidc) {
    if (oidc.publicKeyLocation().isEmpty()) {
      return;
    }
    var missing = new java.util.ArrayList<String>();
    if (oidc.issuer().filter(s -> !s.isBlank()).isEmpty()) {
      missing.add("gateway.oidc.issuer (GATEWAY_OIDC_ISSUER)");
    }
    if (oidc.audience().filter(s -> !s.isBlank()).isEmpty()) {
      missing.add("gateway.oidc.audience (GATEWAY_OIDC_AUDIENCE)");
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "Bearer tokens are enabled (gateway.oidc.public-key-location is set) but "
              + String.join(" and ", missing)
              + " is not: set the issuer and the audience the provider puts in tokens for this"
              + " API, or unset the public key location to accept API keys only");
    }
  }

  /**
   * A stable id of one person in one tenant with one set of roles, used to cache their internal
   * token and to count their rate. Hashing an encoding with lengths keeps it unambiguous: no
   * subject or tenant containing a separator can produce another person's id.
   */
  static String callerId(String issuer, String subject, String tenant, Set<String> roles) {
    var fields = new java.util.ArrayList<String>();
    fields.add(issuer == null ? "" : issuer);
    fields.add(subject);
    fields.add(tenant);
    fields.addAll(new TreeSet<>(roles));
    StringBuilder encoded = new StringBuilder();
    for (String field : fields) {
      encoded.append(field.length()).append(':').append(field);
    }
    return "oidc:" + java.util.HexFormat.of().formatHex(ApiKeys.sha256(encoded.toString()));
  }

  public boolean enabled() {
    return parser.isPresent();
  }

  /** The caller of a token verified earlier and not yet expired; empty: {@link #verify} it. */
  public Optional<Caller> known(String token) {
    Verified entry = verified.getIfPresent(cacheKey(token));
    if (entry == null || !entry.expiresAt().isAfter(Instant.now())) {
      return Optional.empty();
    }
    return Optional.of(entry.caller());
  }

  /**
   * The caller the token stands for, remembered for {@link #known}.
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
      throw new InvalidToken(
          "The Bearer token is not valid (signature, issuer, audience or expiry)");
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
    Caller caller = new Caller(callerId(jwt.getIssuer(), subject, t, roles), subject, t, roles);
    remember(token, caller, Instant.ofEpochSecond(jwt.getExpirationTime()));
    return caller;
  }

  private void remember(String token, Caller caller, Instant expiresAt) {
    Duration left = Duration.between(Instant.now(), expiresAt);
    if (!left.isNegative() && !left.isZero()) {
      Duration trusted = left.compareTo(REMEMBERED) < 0 ? left : REMEMBERED;
      verified.put(cacheKey(token), new Verified(caller, expiresAt, trusted));
    }
  }

  /** Tokens are long; their hash keeps the cache's memory bounded by entries. */
  private static String cacheKey(String token) {
    return HexFormat.of().formatHex(ApiKeys.sha256(token));
  }

  private record Verified(Caller caller, Instant expiresAt, Duration trustedFor) {}

  /** A token that must be answered with 401. */
  public static final class InvalidToken extends RuntimeException {
    public InvalidToken(String message) {
      super(message, null, false, false);
    }
  }
}
