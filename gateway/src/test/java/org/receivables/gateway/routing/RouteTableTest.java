package org.receivables.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RouteTableTest {

  private final RouteTable table =
      new RouteTable(
          URI.create("http://invoicing"),
          URI.create("http://scoring"),
          URI.create("http://dunning"),
          URI.create("http://kpi"),
          URI.create("http://webhooks"));

  @Test
  void prefixesMapToTheirService() {
    assertThat(service("/api/v1/customers")).isEqualTo("invoicing");
    assertThat(service("/api/v1/invoices/1/payments")).isEqualTo("invoicing");
    assertThat(service("/api/v1/payments")).isEqualTo("invoicing");
    assertThat(service("/api/v1/credit-notes/9")).isEqualTo("invoicing");
    assertThat(service("/api/v1/e-invoices")).isEqualTo("invoicing");
    assertThat(service("/api/v1/bank-statements")).isEqualTo("invoicing");
    assertThat(service("/api/v1/bank-statements/1/entries")).isEqualTo("invoicing");
    assertThat(service("/api/v1/bank-statement-entries/1/match")).isEqualTo("invoicing");
    assertThat(service("/api/v1/scores/c")).isEqualTo("scoring");
    assertThat(service("/api/v1/financial-statements")).isEqualTo("scoring");
    assertThat(service("/api/v1/credit-decisions")).isEqualTo("scoring");
    assertThat(service("/api/v1/dunning/runs")).isEqualTo("dunning");
    assertThat(service("/api/v1/kpis/summary")).isEqualTo("kpi");
    assertThat(service("/dashboard")).isEqualTo("kpi");
    assertThat(service("/dashboard/x.js")).isEqualTo("kpi");
    assertThat(service("/api/v1/webhooks")).isEqualTo("webhooks");
    assertThat(service("/api/v1/webhooks/1/deliveries")).isEqualTo("webhooks");
  }

  @Test
  void aPrefixMatchesOnlyWholeSegments() {
    assertThat(table.match("/api/v1/invoicesX")).isEmpty();
    assertThat(table.match("/api/v1/kpi")).isEmpty();
    assertThat(table.match("/api/v1")).isEmpty();
    assertThat(table.match("/dashboards")).isEmpty();
    assertThat(table.match("/api/v1/webhook")).isEmpty();
  }

  @Test
  void dotSegmentsAreDetected() {
    assertThat(PathGuard.hasDotSegment("/api/v1/kpis/../x")).isTrue();
    assertThat(PathGuard.hasDotSegment("/api/v1/kpis/%2E%2e/x")).isTrue();
    assertThat(PathGuard.hasDotSegment("/api/v1/kpis/.")).isTrue();
    assertThat(PathGuard.hasDotSegment("/api/v1/kpis/v1.2/..x")).isFalse();
  }

  private String service(String path) {
    return table.match(path).orElseThrow().service();
  }
}
