package org.receivables.gateway.routing;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.receivables.gateway.GatewayConfig;

/**
 * The public path space is a contract (API.md) while the service behind each part is a deployment
 * detail: this is the single place that maps one to the other.
 */
@Singleton
public class RouteTable {

  /** One public path prefix and the service that owns it. */
  public record Route(String prefix, String service, URI upstream) {

    boolean matches(String path) {
      return path.equals(prefix)
          || (path.startsWith(prefix) && path.charAt(prefix.length()) == '/');
    }
  }

  private static final Map<String, List<String>> PREFIXES_BY_SERVICE =
      Map.of(
          "invoicing",
              List.of(
                  "/api/v1/customers",
                  "/api/v1/invoices",
                  "/api/v1/payments",
                  "/api/v1/credit-notes",
                  "/api/v1/e-invoices",
                  "/api/v1/bank-statements",
                  "/api/v1/bank-statement-entries"),
          "scoring",
              List.of("/api/v1/scores", "/api/v1/financial-statements", "/api/v1/credit-decisions"),
          "dunning", List.of("/api/v1/dunning"),
          "kpi", List.of("/api/v1/kpis", "/dashboard"),
          "webhooks", List.of("/api/v1/webhooks"));

  private final Map<String, URI> upstreams;
  private final List<Route> routes;

  @Inject
  public RouteTable(GatewayConfig config) {
    this(
        config.upstream().invoicing(),
        config.upstream().scoring(),
        config.upstream().dunning(),
        config.upstream().kpi(),
        config.upstream().webhooks());
  }

  public RouteTable(URI invoicing, URI scoring, URI dunning, URI kpi, URI webhooks) {
    upstreams = new LinkedHashMap<>();
    upstreams.put("invoicing", invoicing);
    upstreams.put("scoring", scoring);
    upstreams.put("dunning", dunning);
    upstreams.put("kpi", kpi);
    upstreams.put("webhooks", webhooks);
    routes =
        upstreams.entrySet().stream()
            .flatMap(
                e ->
                    PREFIXES_BY_SERVICE.get(e.getKey()).stream()
                        .map(prefix -> new Route(prefix, e.getKey(), e.getValue())))
            .toList();
  }

  public Optional<Route> match(String path) {
    return routes.stream().filter(route -> route.matches(path)).findFirst();
  }

  /** Every service by name, in a stable order. */
  public Map<String, URI> upstreams() {
    return Collections.unmodifiableMap(upstreams);
  }
}
