package org.receivables.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.jwt.build.Jwt;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.receivables.gateway.GatewayConfig;

/**
 * Services trust only a token signed by the gateway; signing costs an RSA operation (and at first a
 * key file read), so each caller's token is reused for half its lifetime and signed off the event
 * loop. Each token names the one service it is for ({@code aud}), so a token a service received
 * cannot be replayed against another. The cache is bounded (callers times services, at most {@link
 * #MAX_CACHED}) and forgets a token once it is no longer reused, so a stream of new callers (Bearer
 * tokens of many people) cannot grow it without end.
 */
@ApplicationScoped
public class InternalTokens {

  public static final String TENANT_CLAIM = "tenant";

  static final int MAX_CACHED = 10_000;

  private final Vertx vertx;
  private final String issuer;
  private final String audiencePrefix;
  private final Duration lifetime;
  private final long reuseNanos;
  private final Cache<CacheKey, Signed> cache;

  public InternalTokens(Vertx vertx, GatewayConfig config) {
    this.vertx = vertx;
    this.issuer = config.token().issuer();
    this.audiencePrefix = config.token().audiencePrefix();
    this.lifetime = config.token().lifetime();
    this.reuseNanos = lifetime.toNanos() / 2;
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(MAX_CACHED)
            .expireAfterWrite(Duration.ofNanos(reuseNanos))
            .build();
  }

  /** The audience of the tokens for {@code service} (a route's service name). */
  public String audienceOf(String service) {
    return audiencePrefix + service;
  }

  public Future<String> tokenFor(Caller caller, String service) {
    CacheKey key = new CacheKey(caller.id(), service);
    Signed cached = cache.getIfPresent(key);
    if (cached != null && System.nanoTime() - cached.signedAt() < reuseNanos) {
      return Future.succeededFuture(cached.token());
    }
    return vertx.executeBlocking(
        () -> {
          long signedAt = System.nanoTime();
          String token = sign(caller, audienceOf(service));
          cache.put(key, new Signed(token, signedAt));
          return token;
        },
        false);
  }

  private String sign(Caller caller, String audience) {
    return Jwt.issuer(issuer)
        .audience(audience)
        .subject(caller.name())
        .upn(caller.name())
        .claim(TENANT_CLAIM, caller.tenant())
        .groups(caller.roles())
        .expiresIn(lifetime)
        .sign();
  }

  private record CacheKey(String callerId, String service) {}

  private record Signed(String token, long signedAt) {}
}
