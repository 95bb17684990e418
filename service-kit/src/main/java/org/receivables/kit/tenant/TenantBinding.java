package org.receivables.kit.tenant;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.Unremovable;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Binds every database connection handed out while a request of a tenant is served to that tenant,
 * so that PostgreSQL's row-level security (policy {@code tenant_isolation}, created by the kit's
 * Flyway callback on every table with a {@code tenant_id}) hides and refuses other tenants' rows
 * even where a query forgot its tenant filter.
 *
 * <p>On acquisition the connection switches to the role {@value #ROLE}, which the policies apply
 * to, and sets {@value #SETTING} to the token's tenant. Work that serves no tenant (consumers, the
 * outbox relay, schedulers) has no token and keeps the pool user, which owns the tables and so is
 * not subject to the policies. Within a JTA transaction Agroal calls the interceptor once, after
 * enlisting, so the binding is part of the transaction and holds for all its statements; on return
 * (after commit or rollback, in auto-commit) the connection is reset before anyone else borrows it.
 */
@Singleton
@Unremovable
public class TenantBinding implements AgroalPoolInterceptor {

  /** The role the row-level security policies apply to. */
  public static final String ROLE = "receivables_tenant";

  /** The session setting the policies compare {@code tenant_id} with. */
  public static final String SETTING = "app.tenant";

  /**
   * Binds role and tenant, and caps each statement of the request at the configured timeout (null
   * keeps the session's): the gateway gives up on a request after 30 s, and a query it left behind
   * must not run on for minutes holding a connection.
   */
  static final String BIND =
      "select set_config('role', '"
          + ROLE
          + "', false), set_config('"
          + SETTING
          + "', ?, false), set_config('statement_timeout', coalesce(?,"
          + " current_setting('statement_timeout')), false)";

  static final String UNBIND = "reset role; reset " + SETTING + "; reset statement_timeout";

  /** The property capping request statements ({@code 0} for none); 25 s unless set. */
  static final String TIMEOUT_PROPERTY = "service-kit.tenant.statement-timeout";

  private static final Logger LOG = Logger.getLogger(TenantBinding.class);

  private final Supplier<Optional<String>> requestTenant;

  /** The statement timeout of request connections in milliseconds, or null for the session's. */
  private final String statementTimeoutMillis;

  /** The driver connections bound now: only they need a reset on return. */
  private final Set<Connection> bound = ConcurrentHashMap.newKeySet();

  public TenantBinding() {
    this(
        TenantBinding::tenantOfCurrentRequest,
        ConfigProvider.getConfig()
            .getOptionalValue(TIMEOUT_PROPERTY, Duration.class)
            .orElse(Duration.ofSeconds(25)));
  }

  TenantBinding(Supplier<Optional<String>> requestTenant, Duration statementTimeout) {
    this.requestTenant = requestTenant;
    this.statementTimeoutMillis =
        statementTimeout.isZero() ? null : Long.toString(statementTimeout.toMillis());
  }

  @Override
  public void onConnectionAcquire(Connection connection) {
    Optional<String> tenant = requestTenant.get();
    if (tenant.isEmpty()) {
      return;
    }
    Connection raw =
        driverConnection(connection)
            .orElseThrow(
                () -> new IllegalStateException("The pool's connection cannot be tracked"));
    bound.add(raw);
    try (PreparedStatement bind = connection.prepareStatement(BIND)) {
      bind.setString(1, tenant.get());
      bind.setString(2, statementTimeoutMillis);
      bind.execute();
    } catch (SQLException e) {
      // Failing the acquisition is the only safe answer: unbound, the request would see every
      // tenant.
      // The connection stays marked, so that whatever the failure left is reset on its next return.
      throw new IllegalStateException("Could not bind the connection to the request's tenant", e);
    }
  }

  @Override
  public void onConnectionReturn(Connection connection) {
    Optional<Connection> raw = driverConnection(connection);
    if (raw.isPresent() && !bound.remove(raw.get())) {
      return;
    }
    try (Statement unbind = connection.createStatement()) {
      unbind.execute(UNBIND);
    } catch (SQLException e) {
      // A connection that may still carry a tenant must never serve another borrower.
      LOG.warn("Could not unbind a connection from its tenant; closing it", e);
      try {
        raw.orElse(connection).close();
      } catch (SQLException ignored) {
        // already unusable, which is the point
      }
    }
  }

  @Override
  public void onConnectionDestroy(Connection connection) {
    driverConnection(connection).ifPresent(bound::remove);
  }

  /**
   * The pool hands each interceptor call a fresh wrapper; the driver's connection underneath is the
   * stable identity. Without it, a returned connection is reset whether bound or not.
   */
  private static Optional<Connection> driverConnection(Connection connection) {
    try {
      return Optional.ofNullable(connection.unwrap(Connection.class));
    } catch (SQLException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> tenantOfCurrentRequest() {
    ArcContainer container = Arc.container();
    if (container == null || !container.requestContext().isActive()) {
      return Optional.empty();
    }
    return container.instance(TenantContext.class).get().boundTenant();
  }
}
