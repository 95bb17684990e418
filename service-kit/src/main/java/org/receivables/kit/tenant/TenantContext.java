package org.receivables.kit.tenant;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.receivables.kit.problem.ProblemException;

/**
 * The tenant and principal of the current request, taken from the gateway's signed token only:
 * never from a body, a path or a header a client could set.
 */
@RequestScoped
public class TenantContext {

  /** The claim the gateway signs the tenant into. */
  public static final String TENANT_CLAIM = "tenant";

  @Inject JsonWebToken token;

  public String tenantId() {
    String tenant = token.getClaim(TENANT_CLAIM);
    if (tenant == null || tenant.isBlank()) {
      throw new ProblemException(401, "Unauthorized", "The access token names no tenant");
    }
    return tenant;
  }

  /**
   * The tenant whose rows the current request may touch, for {@link TenantBinding}: empty where no
   * token came with the work (a consumer, the outbox relay, a scheduler, an anonymous call), which
   * then binds its tenant through {@link TenantScope} or, unbound, sees no tenant's rows. A token
   * that names no tenant gives {@code ""}, a tenant no row has, so such a request sees nothing.
   */
  public Optional<String> boundTenant() {
    if (token.getRawToken() == null) {
      return Optional.empty();
    }
    String tenant = token.getClaim(TENANT_CLAIM);
    return Optional.of(tenant == null || tenant.isBlank() ? "" : tenant);
  }

  /** Who acts, for audit trails: the API key name or the person's subject. */
  public String principal() {
    return token.getSubject();
  }
}
