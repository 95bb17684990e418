package org.receivables.kpi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.receivables.kit.testing.TestTokens;

/**
 * The dashboard in a real headless Chromium (Debian's, driven by Playwright; no browser download):
 * it loads with a viewer's token, draws every chart with data, logs no error, and shows only the
 * token's tenant. With {@code -Dscreenshot.target=docs} the screenshot also goes to docs/images.
 */
@QuarkusTest
class DashboardBrowserTest {

  static final String CHROMIUM = "/usr/bin/chromium";

  @TestHTTPResource("/dashboard")
  URL dashboard;

  @Test
  void theDashboardDrawsItsChartsWithDataAndNoErrors() throws Exception {
    Scenario s = new Scenario(TestTokens.freshTenant()).publish();
    given()
        .header("Authorization", TestTokens.bearer(s.tenant, "admin"))
        .contentType("application/json")
        .body("{\"value\": 45}")
        .put("/api/v1/kpis/targets/DSO")
        .then()
        .statusCode(200);

    List<String> errors = new ArrayList<>();
    try (Playwright playwright =
            Playwright.create(
                new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser =
            playwright
                .chromium()
                .launch(
                    new BrowserType.LaunchOptions()
                        .setExecutablePath(Paths.get(CHROMIUM))
                        .setHeadless(true)
                        .setArgs(
                            List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")))) {
      var context =
          browser.newContext(
              new Browser.NewContextOptions()
                  .setViewportSize(1280, 1400)
                  .setExtraHTTPHeaders(Map.of("Authorization", s.viewer())));
      Page page = context.newPage();
      page.onConsoleMessage(
          m -> {
            if ("error".equals(m.type())) {
              errors.add(m.text());
            }
          });
      page.onPageError(errors::add);
      page.onResponse(
          r -> {
            if (r.status() >= 400) {
              errors.add(r.status() + " " + r.url());
            }
          });

      Response response = page.navigate(dashboard + "?asOf=" + Scenario.AS_OF);
      assertThat(response.status()).isEqualTo(200);
      page.waitForFunction("document.body.dataset.chartsReady === 'true'");

      assertThat(page.locator("canvas").count()).isEqualTo(5);
      for (String chart : List.of("aging", "dso", "forecast", "overdue", "dunning")) {
        Object points =
            page.evaluate(
                "name => { const c = window.kpiCharts[name];"
                    + " return c && c === Chart.getChart(c.canvas) ? c.data.datasets.reduce("
                    + " (n, d) => n + d.data.filter(v => v !== null).length, 0) : -1; }",
                chart);
        assertThat(((Number) points).intValue()).as("points drawn by %s", chart).isPositive();
      }
      Object dsoSets = page.evaluate("window.kpiCharts.dso.data.datasets.map(d => d.label)");
      assertThat(String.valueOf(dsoSets)).contains("DSO").contains("Target");
      assertThat(page.textContent("body")).contains("Boulangerie Martin").contains("4,300.00 EUR");
      assertThat(page.textContent("body")).contains(s.tenant);

      Path shot = Paths.get("target", "dashboard.png");
      page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(true));
      assertThat(Files.size(shot)).isPositive();
      if ("docs".equals(System.getProperty("screenshot.target"))) {
        Path docs = Paths.get(System.getProperty("screenshot.docs.images", "../docs/images"));
        Files.createDirectories(docs);
        Files.copy(shot, docs.resolve("dashboard.png"), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    assertThat(errors).isEmpty();
  }

  @Test
  void theDashboardNeedsATokenAndShowsOnlyItsTenant() {
    given().get("/dashboard").then().statusCode(401);
    given().get("/dashboard/assets/chart.umd.js").then().statusCode(401);
    String other = TestTokens.freshTenant();
    String html =
        given()
            .header("Authorization", TestTokens.bearer(other, "viewer"))
            .queryParam("asOf", Scenario.AS_OF.toString())
            .get("/dashboard")
            .then()
            .statusCode(200)
            .contentType("text/html")
            .extract()
            .asString();
    assertThat(html).contains(other).doesNotContain("Boulangerie Martin");
    given()
        .header("Authorization", TestTokens.bearer(other, "viewer"))
        .get("/dashboard/assets/chart.umd.js")
        .then()
        .statusCode(200)
        .contentType(org.hamcrest.Matchers.containsString("javascript"));
    given()
        .header("Authorization", TestTokens.bearer(other, "viewer"))
        .get("/dashboard/assets/nope.js")
        .then()
        .statusCode(404);
  }
}
