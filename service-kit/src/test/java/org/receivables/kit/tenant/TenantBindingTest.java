package org.receivables.kit.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * What the pool interceptor runs on a connection, and when: the database side (the policies
 * themselves) is proven by each service's TenantIsolationTest.
 */
class TenantBindingTest {

  private final AtomicReference<Optional<String>> tenant = new AtomicReference<>(Optional.empty());
  private final TenantBinding binding = new TenantBinding(tenant::get, Duration.ofSeconds(25));
  private final FakeConnection db = new FakeConnection();

  @Test
  void workWithoutATenantLeavesTheConnectionAlone() {
    binding.onConnectionAcquire(db.wrapper());
    binding.onConnectionReturn(db.wrapper());
    assertThat(db.executed).isEmpty();
  }

  @Test
  void aTenantsRequestBindsTheConnectionAndItsReturnUnbindsIt() {
    tenant.set(Optional.of("acme"));
    binding.onConnectionAcquire(db.wrapper());
    assertThat(db.executed).containsExactly(TenantBinding.BIND_SESSION + " [acme, 25000]");

    tenant.set(Optional.empty()); // the pool returns connections on threads of no request
    binding.onConnectionReturn(db.wrapper());
    assertThat(db.executed)
        .containsExactly(TenantBinding.BIND_SESSION + " [acme, 25000]", TenantBinding.UNBIND);

    binding.onConnectionReturn(db.wrapper());
    assertThat(db.executed).hasSize(2);
  }

  @Test
  void inATransactionTheBindingIsTransactionLocalAndTheReturnHasNothingToReset() {
    tenant.set(Optional.of("acme"));
    db.autoCommit = false; // enlisted in a JTA transaction
    binding.onConnectionAcquire(db.wrapper());
    assertThat(db.executed).containsExactly(TenantBinding.BIND + " [acme, 25000]");
    assertThat(TenantBinding.BIND).contains("true)").doesNotContain("false)");

    db.autoCommit = true; // the pool ends the transaction before the return
    binding.onConnectionReturn(db.wrapper());
    assertThat(db.executed).hasSize(1);
  }

  @Test
  void aScopeOfWorkWithoutARequestBindsLikeARequest() {
    TenantBinding scoped = new TenantBinding(TenantScope::current, Duration.ZERO);
    TenantScope.run("acme", () -> scoped.onConnectionAcquire(db.wrapper()));
    scoped.onConnectionAcquire(db.wrapper()); // outside the scope: left alone
    assertThat(db.executed).containsExactly(TenantBinding.BIND_SESSION + " [acme, null]");
    assertThat(TenantScope.current()).isEmpty();
  }

  @Test
  void aScopeNeedsATenantAndRestoresTheOuterOne() {
    assertThatThrownBy(() -> TenantScope.run(" ", () -> {}))
        .isInstanceOf(IllegalArgumentException.class);
    TenantScope.run(
        "outer",
        () -> {
          TenantScope.run("inner", () -> assertThat(TenantScope.current()).contains("inner"));
          assertThat(TenantScope.current()).contains("outer");
        });
  }

  @Test
  void aConnectionThatCannotBeUnboundIsClosedRatherThanReused() {
    tenant.set(Optional.of("acme"));
    binding.onConnectionAcquire(db.wrapper());
    db.failing = true;
    binding.onConnectionReturn(db.wrapper());
    assertThat(db.rawClosed).isTrue();
  }

  @Test
  void aFailedBindingFailsTheAcquisitionAndTheConnectionIsResetLater() {
    tenant.set(Optional.of("acme"));
    db.failing = true;
    assertThatThrownBy(() -> binding.onConnectionAcquire(db.wrapper()))
        .isInstanceOf(IllegalStateException.class);
    db.failing = false;
    binding.onConnectionReturn(db.wrapper());
    assertThat(db.executed).containsExactly(TenantBinding.UNBIND);
  }

  @Test
  void aZeroTimeoutKeepsTheSessionsOwnAndTheReturnResetsIt() {
    FakeConnection other = new FakeConnection();
    TenantBinding noCap = new TenantBinding(tenant::get, Duration.ZERO);
    tenant.set(Optional.of("acme"));
    noCap.onConnectionAcquire(other.wrapper());
    assertThat(other.executed).containsExactly(TenantBinding.BIND_SESSION + " [acme, null]");
    assertThat(TenantBinding.UNBIND).contains("reset statement_timeout");
  }

  @Test
  void theBindingStatementTakesTheTenantAsAParameterNeverAsSqlText() {
    for (String bind : List.of(TenantBinding.BIND, TenantBinding.BIND_SESSION)) {
      assertThat(bind).contains("?").doesNotContain("acme");
      assertThat(bind).contains("'" + TenantBinding.ROLE + "'");
    }
    assertThat(TenantScope.BIND_TRANSACTION)
        .contains(":tenant, true)")
        .contains("'role', '" + TenantBinding.ROLE + "', true)");
  }

  /**
   * A driver connection under fresh pool wrappers, as Agroal hands them to interceptors: every
   * wrapper unwraps to the same raw connection. Records each executed statement with its
   * parameters.
   */
  private static final class FakeConnection {
    final List<String> executed = new ArrayList<>();
    boolean failing;
    boolean rawClosed;
    boolean autoCommit = true;
    final Connection raw = connection(null);

    Connection wrapper() {
      return connection(raw);
    }

    private Connection connection(Connection unwrapsTo) {
      return (Connection)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {Connection.class},
              (proxy, method, args) ->
                  switch (method.getName()) {
                    case "unwrap" -> unwrapsTo == null ? proxy : unwrapsTo;
                    case "getAutoCommit" -> autoCommit;
                    case "prepareStatement" -> statement(PreparedStatement.class, (String) args[0]);
                    case "createStatement" -> statement(Statement.class, null);
                    case "close" -> {
                      if (unwrapsTo == null) {
                        rawClosed = true;
                      }
                      yield null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                  });
    }

    private Object statement(Class<?> type, String preparedSql) {
      List<Object> params = new ArrayList<>();
      return Proxy.newProxyInstance(
          getClass().getClassLoader(),
          new Class<?>[] {type},
          (proxy, method, args) ->
              switch (method.getName()) {
                case "setString" -> {
                  params.add(args[1]);
                  yield null;
                }
                case "execute" -> {
                  if (failing) {
                    throw new SQLException("connection broken", "08006");
                  }
                  String sql = preparedSql != null ? preparedSql : (String) args[0];
                  executed.add(params.isEmpty() ? sql : sql + " " + params);
                  yield true;
                }
                case "close" -> null;
                default -> throw new UnsupportedOperationException(method.getName());
              });
    }
  }
}
