package org.receivables.kit.testing;

import io.agroal.api.AgroalDataSource;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A deliberately careless query path for every service's TenantIsolationTest, reachable only in
 * tests: a service indexes this test-jar in its test profile ({@code quarkus.index-dependency}).
 */
@Path(TenantIsolationTestSupport.PROBE_PATH)
@Authenticated
public class TenantIsolationProbe {

  @Inject EntityManager em;
  @Inject AgroalDataSource dataSource;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(hidden = true)
  public Map<String, Object> probe(@QueryParam("other") String other) {
    return TenantIsolationTestSupport.probe(em, dataSource, other);
  }
}
