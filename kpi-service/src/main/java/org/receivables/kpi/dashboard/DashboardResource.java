package org.receivables.kpi.dashboard;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Map;
import java.util.Properties;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.receivables.kit.problem.ProblemException;
import org.receivables.kit.tenant.Roles;
import org.receivables.kpi.summary.KpiRequest;
import org.receivables.kpi.summary.Scope;

/**
 * The dashboard, server-rendered: the gateway routes {@code /dashboard/**} here with the caller's
 * token, so the page, its scripts and its data all live under {@code /dashboard} and need a token
 * of any role; the figures are always those of the token's tenant.
 */
@Path("/dashboard")
@Tag(name = "Dashboard")
public class DashboardResource {

  /** Files served under /dashboard/assets: ours, and Chart.js from its webjar. */
  private static final Map<String, String> ASSETS =
      Map.of(
          "dashboard.js", "dashboard/dashboard.js",
          "dashboard.css", "dashboard/dashboard.css",
          "chart.umd.js", "META-INF/resources/webjars/chart.js/%s/dist/chart.umd.js");

  private static final String CHART_JS_VERSION = webjarVersion();

  @Inject Template dashboard;
  @Inject DashboardService views;
  @Inject KpiRequest request;

  @GET
  @Produces(MediaType.TEXT_HTML)
  @RolesAllowed(Roles.ANYONE)
  @Operation(
      summary = "The collection dashboard (HTML)",
      description =
          "Headline KPIs against targets, aging, DSO trend against target, 13-week cash forecast,"
              + " top overdue customers and dunning effectiveness, for the caller's tenant.")
  @APIResponse(
      responseCode = "200",
      description = "The page",
      content =
          @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
  public TemplateInstance page(
      @Parameter(description = "YYYY-MM-DD; today when absent") @QueryParam("asOf") String asOf,
      @Parameter(description = "ISO 4217; EUR when absent") @QueryParam("currency")
          String currency) {
    return dashboard.data("view", view(asOf, currency));
  }

  @GET
  @Path("data")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ANYONE)
  @Operation(summary = "The dashboard's figures as JSON")
  @APIResponse(responseCode = "200", description = "What the page shows")
  public DashboardView data(
      @Parameter(description = "YYYY-MM-DD; today when absent") @QueryParam("asOf") String asOf,
      @Parameter(description = "ISO 4217; EUR when absent") @QueryParam("currency")
          String currency) {
    return view(asOf, currency);
  }

  @GET
  @Path("assets/{file}")
  @RolesAllowed(Roles.ANYONE)
  @Operation(summary = "The dashboard's scripts and styles")
  @APIResponse(
      responseCode = "200",
      description = "The file",
      content = {
        @Content(mediaType = "text/css", schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = "text/javascript", schema = @Schema(type = SchemaType.STRING))
      })
  @APIResponse(responseCode = "404", description = "No such file")
  public Response asset(@PathParam("file") String file) {
    String path = ASSETS.get(file);
    if (path == null) {
      throw ProblemException.notFound("Dashboard asset", file);
    }
    InputStream in =
        Thread.currentThread()
            .getContextClassLoader()
            .getResourceAsStream(String.format(path, CHART_JS_VERSION));
    if (in == null) {
      throw ProblemException.notFound("Dashboard asset", file);
    }
    String type = file.endsWith(".css") ? "text/css" : "text/javascript";
    return Response.ok(in, type + "; charset=utf-8")
        .header("Cache-Control", "private, max-age=3600")
        .build();
  }

  private DashboardView view(String asOf, String currency) {
    Scope scope = request.scope(currency, null, null);
    LocalDate date = request.asOf(asOf);
    return views.view(scope, request.from(null, date), date, request.today());
  }

  private static String webjarVersion() {
    try (InputStream in =
        DashboardResource.class
            .getClassLoader()
            .getResourceAsStream("META-INF/maven/org.webjars.npm/chart.js/pom.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
