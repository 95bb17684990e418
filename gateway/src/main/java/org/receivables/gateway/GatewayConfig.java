package org.receivables.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One typed view of the gateway's settings, so that a missing upstream URL or a malformed key entry
 * stops the start instead of surfacing on the first request.
 */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

  /** Base URL of each service; production takes them from {@code GATEWAY_UPSTREAM_*}. */
  Upstreams upstream();

  /** API keys by the lowercase SHA-256 hex of the key: the plain key is never configured. */
  Map<String, ApiKey> apiKeys();

  Proxy proxy();

  Token token();

  OpenApi openapi();

  /** Bearer tokens of people and front ends, from an OIDC provider. */
  Oidc oidc();

  RateLimit rateLimit();

  InFlight inFlight();

  Keys keys();

  Http http();

  /** How the client's address is found, for limits that apply before authentication. */
  ClientAddress clientAddress();

  interface Http {
    /**
     * Longest request line (method, target, version) answered with anything but 414; the services
     * accept the same, so a request the gateway forwards is never refused for its length there.
     */
    @WithDefault("4096")
    int maxRequestLine();

    /**
     * Largest header block (names and values) answered with anything but 431; below the services'
     * 20K so that the gateway's own headers still fit.
     */
    @WithDefault("16384")
    int maxHeaderBytes();
  }

  interface ClientAddress {
    /**
     * Addresses or CIDR ranges of proxies in front of the gateway (ingress, load balancer). Only a
     * request from one of them has its {@code X-Forwarded-For} read; unset: the TCP peer is the
     * client.
     */
    Optional<List<String>> trustedProxies();
  }

  interface Keys {
    /** How often each replica reloads keys from the database (revocations elsewhere apply then). */
    @WithDefault("5s")
    Duration refreshInterval();

    /** How long a rotated key keeps working, unless the rotation asks for another grace. */
    @WithDefault("24h")
    Duration rotationGrace();
  }

  interface Upstreams {
    URI invoicing();

    URI scoring();

    URI dunning();

    URI kpi();

    URI webhooks();
  }

  interface ApiKey {
    /** Who holds the key; becomes the token's subject and appears in logs. */
    String name();

    String tenant();

    List<String> roles();

    /**
     * This key's own sustained rate, when it must differ from {@code gateway.rate-limit.per-key}.
     */
    Optional<Double> requestsPerSecond();
  }

  interface Oidc {
    /**
     * The provider's public key: a PEM or JWKS file, or an HTTPS JWKS URL. Unset: Bearer refused.
     */
    Optional<String> publicKeyLocation();

    /** The {@code iss} every accepted token must carry. */
    Optional<String> issuer();

    /**
     * The {@code aud} every accepted token must carry. Required with the public key: a token the
     * provider issued for another application must not open this API.
     */
    Optional<String> audience();

    /** The claim that names the tenant. */
    @WithDefault("tenant")
    String tenantClaim();

    /** The claim that lists roles; only the suite's roles are kept from it. */
    @WithDefault("groups")
    String rolesClaim();
  }

  interface RateLimit {
    /**
     * Whether the per-key and per-tenant buckets are shared by all replicas through the gateway's
     * database (limits.SharedBuckets); false: each replica counts alone.
     */
    @WithDefault("true")
    boolean shared();

    /** Sustained requests per second and burst of one credential (API key or person). */
    Bucket perKey();

    /** Sustained requests per second and burst of a whole tenant, all credentials together. */
    Bucket perTenant();

    /**
     * Failed authentications (a wrong API key or Bearer token) allowed per client address: burst
     * and refill per second. Beyond them the address gets 429 before any credential is checked.
     */
    Bucket failedAuth();
  }

  /** Ceiling on proxied requests in progress, so that overload is refused rather than queued. */
  interface InFlight {
    /** Requests one service may have in flight through this replica; beyond it: 503 at once. */
    @WithDefault("200")
    int perUpstream();

    /** The wait a refused client is told in {@code Retry-After} (whole seconds, at least 1). */
    @WithDefault("1s")
    Duration retryAfter();
  }

  interface Bucket {
    @WithDefault("50")
    double requestsPerSecond();

    @WithDefault("100")
    int burst();
  }

  interface Proxy {
    @WithDefault("2s")
    Duration connectTimeout();

    /** Longest silence from an upstream, before its response starts or between chunks. */
    @WithDefault("30s")
    Duration responseTimeout();

    @WithDefault("100")
    int maxConnectionsPerUpstream();
  }

  interface Token {
    @WithDefault("receivables-gateway")
    String issuer();

    /**
     * Prefix of the audience of the token for each service ({@code receivables-invoicing}, ...): a
     * token minted for one service is refused by the others.
     */
    @WithDefault("receivables-")
    String audiencePrefix();

    @WithDefault("60s")
    Duration lifetime();
  }

  interface OpenApi {
    @WithDefault("30s")
    Duration cacheTtl();

    @WithDefault("5s")
    Duration fetchTimeout();
  }
}
