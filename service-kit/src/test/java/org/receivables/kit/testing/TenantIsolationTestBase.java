package org.receivables.kit.testing;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.receivables.kit.tenant.TenantScope;

/**
 * What every service's TenantIsolationTest starts from: two fresh tenants and the service's
 * datasource, entity manager and tenant scope, for the probes of {@link
 * TenantIsolationTestSupport}. The test seeds rows of both tenants (the service's own way), then
 * checks that a request of one, and work without a request, sees and writes only that tenant's rows
 * even with no tenant filter at all (PostgreSQL row-level security, bound by the kit's pool
 * interceptor), and that connections go back to the pool unbound.
 */
public abstract class TenantIsolationTestBase {

  @Inject protected AgroalDataSource dataSource;
  @Inject protected EntityManager em;
  @Inject protected TenantScope scope;

  /** The tenant whose request or work is probed. */
  protected final String mine = TestTokens.freshTenant();

  /** The tenant whose rows it must never see nor write. */
  protected final String other = TestTokens.freshTenant();
}
