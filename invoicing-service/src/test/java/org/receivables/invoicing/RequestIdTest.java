package org.receivables.invoicing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.security.Authenticated;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;
import org.receivables.kit.testing.TestTokens;

/** The gateway's request id reaches the service's logging context and comes back on the answer. */
@QuarkusTest
class RequestIdTest {

  /** Reports the logging context as the service's own code sees it while serving a request. */
  @Path("/test/request-id")
  @Authenticated
  public static class Probe {
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(hidden = true)
    public String requestId() {
      Object id = MDC.get("requestId");
      return id == null ? "none" : id.toString();
    }
  }

  private static String bearer() {
    return TestTokens.bearer(TestTokens.freshTenant(), "viewer");
  }

  @Test
  void theRequestIdIsInTheLoggingContextAndEchoed() {
    String id = UUID.randomUUID().toString();
    given()
        .header("Authorization", bearer())
        .header("X-Request-Id", id)
        .get("/test/request-id")
        .then()
        .statusCode(200)
        .header("X-Request-Id", id)
        .body(equalTo(id));
    // the next request without one does not inherit it
    given()
        .header("Authorization", bearer())
        .get("/test/request-id")
        .then()
        .statusCode(200)
        .header("X-Request-Id", nullValue())
        .body(equalTo("none"));
  }

  @Test
  void aProblemAnswerCarriesTheRequestIdBack() {
    given()
        .header("Authorization", bearer())
        .header("X-Request-Id", "erp-ticket-42")
        .get("/api/v1/invoices/" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .header("X-Request-Id", "erp-ticket-42");
  }

  @Test
  void anIdThatIsNotAPlainTokenIsNeitherLoggedNorEchoed() {
    given()
        .header("Authorization", bearer())
        .header("X-Request-Id", "forged\tline")
        .get("/test/request-id")
        .then()
        .statusCode(200)
        .header("X-Request-Id", nullValue())
        .body(equalTo("none"));
  }
}
