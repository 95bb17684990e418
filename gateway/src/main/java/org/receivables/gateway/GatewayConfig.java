package org.receivables.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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

  interface Upstreams {
    URI invoicing();

    URI scoring();

    URI dunning();

    URI kpi();
  }

  interface ApiKey {
    /** Who holds the key; becomes the token's subject and appears in logs. */
    String name();

    String tenant();

    List<String> roles();
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
