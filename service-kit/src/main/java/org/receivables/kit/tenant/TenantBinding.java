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
 * Binds every database connection handed out while work of a tenant runs (a request of that tenant,
 * or a {@link TenantScope}) to that tenant, so that PostgreSQL's row-level security (policy {@code
 * tenant_isolation}, created and forced by the kit's Flyway callback on every table with a {@code
 * tenant_id}) hides and refuses other tenants' rows even where a query forgot its tenant filter.
 *
 * <p>On acquisition the connection switches to the role {@value #ROLE}, which the policies apply
 * to, and sets {@value #SETTING} to the tenant. Within a JTA transaction Agroal calls the
 * interceptor once, after enlisting, with auto-commit off: the binding is then transaction-local
 * ({@code set_config(..., true)}), holds for all the transaction's statements and ends with it, so
 * the connection cannot carry the tenant into its next transaction whatever happens on return. An
 * auto-commit connection (a read outside any transaction) is bound for the session instead, and
 * reset on return before anyone else borrows it; one that cannot be reset is closed. Work bound to
 * no tenant keeps the pool user, which the forced policies show no tenant's rows (docs/security.md
 * says which kit tables its cross-tenant work uses).
 */
@Singleton
@Unremovable
public class TenantBinding implements AgroalPoolInterceptor {

  /** The role the row-level security policies apply to. */
  public static final String ROLE = "receivables_tenant";

  /** The session setting the policies compare {@code tenant_id} with. */
  public static final String SETTING = "app.tenant";

  /**
   * Binds role and tenant, and caps each statement of the work at the configured timeout (null
   * keeps the session's): the gateway gives up on a request after 30 s, and a query it left behind
   * must not run on for minutes holding a connection. Transaction-local: it ends with the
   * transaction.
   */
  static final String BIND = bind(true);

  /** {@link #BIND} for an auto-commit connection, where it must outlive the statement. */
  static final String BIND_SESSION = bind(false);

  private static String bind(boolean local) {
    return "select set_config('role', '"
        + ROLE
        + "', "
        + local
        + "), set_config('"
        + SETTING
        + "', ?, "
        + local
        + "), set_config('statement_timeout', coalesce(?, current_setting('statement_timeout')), "
        + local
        + ")";
  }

  static final String UNBIND = "reset role; reset " + SETTING + "; reset statement_timeout";

  /** The property capping request statements ({@code 0} for none); 25 s unless set. */
  static final String TIMEOUT_PROPERTY = "service-kit.tenant.statement-timeout";

  private static final Logger LOG = Logger.getLogger(TenantBinding.class);

  private final Supplier<Optional<String>> boundTenant;

  /** The statement timeout of request connections in milliseconds, or null for the session's. */
  private final String statementTimeoutMillis;

  /** The driver connections bound now: only they need a reset on return. */
  private final Set<Connection> bound = ConcurrentHashMap.newKeySet();

  public TenantBinding() {
    this(
        () -> TenantScope.current().or(TenantBinding::tenantOfCurrentRequest),
        ConfigProvider.getConfig()
            .getOptionalValue(TIMEOUT_PROPERTY, Duration.class)
            .orElse(Duration.ofSeconds(25)));
  }

  TenantBinding(Supplier<Optional<String>> boundTenant, Duration statementTimeout) {
    this.boundTenant = boundTenant;
    this.statementTimeoutMillis =
        statementTimeout.isZero() ? null : Long.toString(statementTimeout.toMillis());
  }

  @Override
  public void onConnectionAcquire(Connection connection) {
    Optional<String> tenant = boundTenant.get();
    if (tenant.isEmpty()) {
      return;
    }
    boolean inTransaction;
    try {
      inTransaction = !connection.getAutoCommit();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not bind the connection to the work's tenant", e);
    }
    if (!inTransaction) {
      // Only a session-level binding outlives its statement, and so needs a reset on return.
      bound.add(
          driverConnection(connection)
              .orElseThrow(
                  () -> new IllegalStateException("The pool's connection cannot be tracked")));
    }
    try (PreparedStatement bind =
        connection.prepareStatement(inTransaction ? BIND : BIND_SESSION)) {
      bind.setString(1, tenant.get());
      bind.setString(2, statementTimeoutMillis);
      bind.execute();
    } catch (SQLException e) {
      // Failing the acquisition is the only safe answer: unbound, the work would see no tenant's
      // rows and write none. A session-level attempt stays marked, so that whatever the failure
      // left is reset on the connection's next return; a transaction-local one ends with the
      // transaction.
      throw new IllegalStateException("Could not bind the connection to the work's tenant", e);
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
