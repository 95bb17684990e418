package org.receivables.gateway.auth;

import io.smallrye.jwt.build.Jwt;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.receivables.gateway.GatewayConfig;

/**
 * Services trust only a token signed by the gateway; signing costs an RSA operation (and at first a
 * key file read), so each caller's token is reused for half its lifetime and signed off the event
 * loop.
 */
@ApplicationScoped
public class InternalTokens {

  public static final String TENANT_CLAIM = "tenant";

  private final Vertx vertx;
  private final String issuer;
  private final Duration lifetime;
  private final long reuseNanos;
  private final Map<String, Signed> cache = new ConcurrentHashMap<>();

  public InternalTokens(Vertx vertx, GatewayConfig config) {
    this.vertx = vertx;
    this.issuer = config.token().issuer();
    this.lifetime = config.token().lifetime();
    this.reuseNanos = lifetime.toNanos() / 2;
  }

  public Future<String> tokenFor(Caller caller) {
    Signed cached = cache.get(caller.id());
    if (cached != null && System.nanoTime() - cached.signedAt() < reuseNanos) {
      return Future.succeededFuture(cached.token());
    }
    return vertx.executeBlocking(
        () -> {
          long signedAt = System.nanoTime();
          String token = sign(caller);
          cache.put(caller.id(), new Signed(token, signedAt));
          return token;
        },
        false);
  }

  private String sign(Caller caller) {
    return Jwt.issuer(issuer)
        .subject(caller.name())
        .upn(caller.name())
        .claim(TENANT_CLAIM, caller.tenant())
        .groups(caller.roles())
        .expiresIn(lifetime)
        .sign();
  }

  private record Signed(String token, long signedAt) {}
}
