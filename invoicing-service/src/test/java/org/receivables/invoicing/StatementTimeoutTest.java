package org.receivables.invoicing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.security.Authenticated;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.junit.jupiter.api.Test;
import org.receivables.kit.testing.TestTokens;

/**
 * A request's statement is cut at {@code service-kit.tenant.statement-timeout} (3 s in tests) and
 * the caller gets a 503 problem with Retry-After, not a hang nor a 500; the connection then serves
 * the next request with the session's own settings.
 */
@QuarkusTest
class StatementTimeoutTest {

  /** A query as slow as asked, reachable only in tests. */
  @Path("/test/slow-query")
  @Authenticated
  public static class Slow {
    @Inject EntityManager em;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(hidden = true)
    @Transactional
    public String sleep(@QueryParam("seconds") double seconds) {
      em.createNativeQuery("select pg_sleep(:s)").setParameter("s", seconds).getSingleResult();
      return "done";
    }
  }

  private static String bearer() {
    return TestTokens.bearer(TestTokens.freshTenant(), "viewer");
  }

  @Test
  void aStatementPastTheTimeoutIsA503ProblemAndTheNextRequestIsServed() {
    given()
        .header("Authorization", bearer())
        .queryParam("seconds", 5)
        .get("/test/slow-query")
        .then()
        .statusCode(503)
        .contentType("application/problem+json")
        .header("Retry-After", notNullValue())
        .body("status", equalTo(503));
    given()
        .header("Authorization", bearer())
        .queryParam("seconds", 0.1)
        .get("/test/slow-query")
        .then()
        .statusCode(200)
        .body(equalTo("done"));
  }
}
