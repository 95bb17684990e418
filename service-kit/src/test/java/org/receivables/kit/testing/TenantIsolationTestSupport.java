package org.receivables.kit.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.receivables.events.CustomerRegistered;
import org.receivables.events.InvoiceIssued;
import org.receivables.events.PaymentTermsData;
import org.receivables.events.Topics;
import org.receivables.kit.tenant.TenantBinding;
import org.receivables.kit.tenant.TenantScope;

/**
 * The database side of every service's TenantIsolationTest. {@link #probe} runs inside a request of
 * a tenant (a test-only resource calls it), deliberately without any tenant filter, and reports
 * what PostgreSQL let it see and do; the other methods run on the test's own thread, outside any
 * request, as the consumers and the relay do.
 */
public final class TenantIsolationTestSupport {

  /** PostgreSQL's SQLSTATE for a row refused by a row-level security policy. */
  public static final String RLS_REFUSED = "42501";

  /** Where every service's test registers its probe resource (which calls {@link #probe}). */
  public static final String PROBE_PATH = "/test/tenant-isolation";

  private TenantIsolationTestSupport() {}

  /** A request of the tenant with those roles, JSON body. */
  public static RequestSpecification as(String tenant, String... roles) {
    return given()
        .header("Authorization", TestTokens.bearer(tenant, roles))
        .contentType("application/json");
  }

  /** Calls the service's probe as a viewer of {@code tenant}, naming the other tenant. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> requestProbe(String tenant, String other) {
    return as(tenant, "viewer")
        .queryParam("other", other)
        .get(PROBE_PATH)
        .then()
        .statusCode(200)
        .extract()
        .as(Map.class);
  }

  /**
   * What a request sees and may do with no tenant predicate: per table with a tenant_id, the
   * tenants and row counts it sees, once through Hibernate in a JTA transaction and once through a
   * plain auto-commit connection; and the SQLSTATE of writes of another tenant's rows.
   */
  public static Map<String, Object> probe(
      EntityManager em, AgroalDataSource dataSource, String otherTenant) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put(
        "transactional",
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Map<String, Object> tx = new LinkedHashMap<>();
                  Object[] session =
                      (Object[])
                          em.createNativeQuery(
                                  "select current_user, current_setting('app.tenant', true),"
                                      + " pg_backend_pid()")
                              .getSingleResult();
                  tx.put("user", session[0]);
                  tx.put("tenant", session[1]);
                  tx.put("pid", ((Number) session[2]).intValue());
                  Map<String, Map<String, Long>> seen = new TreeMap<>();
                  for (String table : tenantTables(em)) {
                    Map<String, Long> byTenant = new TreeMap<>();
                    for (Object row :
                        em.createNativeQuery(
                                "select tenant_id, count(*) from " + table + " group by tenant_id")
                            .getResultList()) {
                      Object[] r = (Object[]) row;
                      byTenant.put((String) r[0], ((Number) r[1]).longValue());
                    }
                    seen.put(table, byTenant);
                  }
                  tx.put("seen", seen);
                  return tx;
                }));
    try (Connection c = dataSource.getConnection()) {
      Map<String, Object> plain = new LinkedHashMap<>();
      try (Statement s = c.createStatement();
          ResultSet r =
              s.executeQuery(
                  "select current_user, current_setting('app.tenant', true), pg_backend_pid(),"
                      + " (select count(*) from idempotency_record)")) {
        r.next();
        plain.put("user", r.getString(1));
        plain.put("tenant", r.getString(2));
        plain.put("pid", r.getInt(3));
        plain.put("idempotencyRows", r.getLong(4));
      }
      Map<String, String> refused = new LinkedHashMap<>();
      refused.put(
          "insert outbox_event",
          stateOf(
              c,
              "insert into outbox_event (event_id, topic, event_key, event_type, subject,"
                  + " tenant_id, payload, occurred_at) values (gen_random_uuid(), 'none', ?, 'none',"
                  + " 'none', ?, '{}', now())",
              otherTenant + ":x",
              otherTenant));
      refused.put(
          "insert idempotency_record",
          stateOf(
              c,
              "insert into idempotency_record (tenant_id, idem_key, request_hash, status, headers,"
                  + " created_at, expires_at) values (?, ?, 'h', 201, '{}', now(), now()"
                  + " + interval '1 hour')",
              otherTenant,
              UUID.randomUUID().toString()));
      refused.put(
          "move own rows to the other tenant",
          stateOf(c, "update idempotency_record set tenant_id = ?", otherTenant));
      try (PreparedStatement delete =
          c.prepareStatement("delete from idempotency_record where tenant_id = ?")) {
        delete.setString(1, otherTenant);
        plain.put("deletedOfOther", delete.executeUpdate());
      }
      // A no-op update of every row not of the request's tenant: harmless even if it got through.
      Map<String, Integer> touched = new TreeMap<>();
      for (String table : tenantTables(c)) {
        try (PreparedStatement update =
            c.prepareStatement(
                "update "
                    + table
                    + " set tenant_id = tenant_id where tenant_id <>"
                    + " current_setting('app.tenant', true)")) {
          touched.put(table, update.executeUpdate());
        }
      }
      plain.put("othersRowsUpdated", touched);
      plain.put("refused", refused);
      result.put("autocommit", plain);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return result;
  }

  /**
   * Checks a {@link #probe} answer (as the test got it, JSON as maps) of a request of {@code
   * tenant}: both connections acted as the tenant role with the tenant set, every table showed at
   * most the tenant's rows, every write of the other tenant's rows was refused by PostgreSQL and
   * the delete of the other tenant's rows found none, and no row of another tenant could be
   * updated. Returns what the request saw, per table and tenant, and the process ids of its
   * connections.
   *
   * @param shared tenant ids of rows every tenant may read (such as suite-wide reference data)
   */
  @SuppressWarnings("unchecked")
  public static Seen assertIsolated(Map<String, Object> probe, String tenant, String... shared) {
    Map<String, Object> tx = (Map<String, Object>) probe.get("transactional");
    Map<String, Object> plain = (Map<String, Object>) probe.get("autocommit");
    for (Map<String, Object> part : List.of(tx, plain)) {
      assertThat(part.get("user")).isEqualTo("receivables_tenant");
      assertThat(part.get("tenant")).isEqualTo(tenant);
    }
    Map<String, Map<String, Number>> seen = (Map<String, Map<String, Number>>) tx.get("seen");
    assertThat(seen)
        .as("tables with a tenant_id")
        .containsKeys("outbox_event", "idempotency_record");
    Set<String> visible = new HashSet<>(List.of(shared));
    visible.add(tenant);
    seen.forEach(
        (table, byTenant) ->
            assertThat(byTenant.keySet()).as("tenants seen in " + table).isSubsetOf(visible));
    Map<String, String> refused = (Map<String, String>) plain.get("refused");
    refused.forEach((write, state) -> assertThat(state).as(write).isEqualTo(RLS_REFUSED));
    assertThat(((Number) plain.get("deletedOfOther")).intValue()).isZero();
    Map<String, Number> touched = (Map<String, Number>) plain.get("othersRowsUpdated");
    assertThat(touched.keySet()).isEqualTo(seen.keySet());
    touched.forEach(
        (table, rows) ->
            assertThat(rows.intValue()).as("rows of other tenants updated in " + table).isZero());
    Map<String, Long> counts = new TreeMap<>();
    seen.forEach(
        (table, byTenant) -> counts.put(table, byTenant.getOrDefault(tenant, 0L).longValue()));
    Set<Integer> pids = new HashSet<>();
    pids.add(((Number) tx.get("pid")).intValue());
    pids.add(((Number) plain.get("pid")).intValue());
    return new Seen(counts, pids);
  }

  /**
   * The request side of every service's TenantIsolationTest, once both tenants have rows and an
   * idempotency record ({@link #seedIdempotencyRecord}): a request of {@code mine} querying with no
   * tenant filter ({@link #requestProbe}) saw and wrote only its tenant's rows ({@link
   * #assertIsolated}), the other tenant's idempotency record it tried to delete is still there, and
   * its connections went back to the pool unbound. Returns what it saw.
   *
   * @param shared tenant ids of rows every tenant may read (such as suite-wide reference data)
   */
  public static Seen assertRequestIsolated(
      AgroalDataSource dataSource, String mine, String other, String... shared)
      throws SQLException {
    Seen seen = assertIsolated(requestProbe(mine, other), mine, shared);
    assertThat(countUnbound(dataSource, "idempotency_record", other))
        .as("the other tenant's rows the request tried to delete")
        .containsEntry(other, 1L);
    assertReturnedConnectionsAreUnbound(dataSource, seen.pids());
    return seen;
  }

  /**
   * The side of work without a request, bound too: a scheduler's scope ({@link #scopedProbe}) saw
   * only {@code mine}'s rows and gave its connections back unbound; one transaction bound to each
   * tenant in turn, as a consumer's batch ({@link #batchProbe}), saw under each binding only that
   * tenant's rows, and its transaction-local binding ended with it; a pool user that is not the
   * superuser the tests connect as ({@link #ownerProbe}) sees, under the forced policies, nothing
   * unbound and only the bound tenant's rows.
   *
   * @param withRows tables in which both tenants have rows
   * @param shared tenant ids of rows every tenant may read
   */
  public static WorkSeen assertWorkIsolated(
      EntityManager em,
      AgroalDataSource dataSource,
      TenantScope scope,
      List<String> withRows,
      String mine,
      String other,
      String... shared)
      throws SQLException {
    Seen scoped = assertIsolated(scopedProbe(em, dataSource, mine, other), mine, shared);
    assertReturnedConnectionsAreUnbound(dataSource, scoped.pids());
    Map<String, Object> batch = batchProbe(em, scope, mine, other);
    assertBatchIsolated(batch, withRows, List.of(mine, other), shared);
    assertReturnedConnectionsAreUnbound(dataSource, Set.of(((Number) batch.get("pid")).intValue()));
    Map<String, Long> owned = assertOwnerIsolated(ownerProbe(dataSource, mine, other), mine, other);
    return new WorkSeen(scoped, owned);
  }

  /** What work without a request saw: the scheduler scope's rows, the owner's bound row counts. */
  public record WorkSeen(Seen scoped, Map<String, Long> owned) {}

  /**
   * Runs {@link #probe} as a scheduler or worker thread does: outside any request, in a {@link
   * TenantScope} of {@code tenant}. Check the answer with {@link #assertIsolated}.
   */
  public static Map<String, Object> scopedProbe(
      EntityManager em, AgroalDataSource dataSource, String tenant, String other) {
    return TenantScope.call(tenant, () -> probe(em, dataSource, other));
  }

  /**
   * What a consumer applying a batch sees: one transaction bound ({@link
   * TenantScope#bindTransaction}) to each tenant in turn, as per record. Per tenant bound, the
   * tenants seen in each table; and the process id of the transaction's connection.
   */
  public static Map<String, Object> batchProbe(
      EntityManager em, TenantScope scope, String... tenants) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Map<String, Object> result = new LinkedHashMap<>();
              for (String tenant : tenants) {
                scope.bindTransaction(tenant);
                Object[] session =
                    (Object[])
                        em.createNativeQuery(
                                "select current_user, current_setting('app.tenant', true),"
                                    + " pg_backend_pid()")
                            .getSingleResult();
                assertThat(session[0]).isEqualTo("receivables_tenant");
                assertThat(session[1]).isEqualTo(tenant);
                result.put("pid", ((Number) session[2]).intValue());
                result.put(tenant, tenantsSeen(em));
              }
              return result;
            });
  }

  /**
   * Checks every table of a {@link #batchProbe} answer showed, under each binding, at most that
   * tenant's rows (and the shared ones), and the given tables showed the tenant's own rows.
   */
  @SuppressWarnings("unchecked")
  public static void assertBatchIsolated(
      Map<String, Object> batch, List<String> withRows, List<String> tenants, String... shared) {
    for (String tenant : tenants) {
      Map<String, Set<String>> seen = (Map<String, Set<String>>) batch.get(tenant);
      Set<String> visible = new HashSet<>(List.of(shared));
      visible.add(tenant);
      seen.forEach(
          (table, byTenant) ->
              assertThat(byTenant).as("tenants seen in " + table).isSubsetOf(visible));
      for (String table : withRows) {
        assertThat(seen.get(table)).as("own rows in " + table + " of " + tenant).contains(tenant);
      }
    }
  }

  /**
   * What the pool user sees where it is not the superuser the tests connect as: in one transaction
   * rolled back at the end, every table with a tenant_id is handed to a fresh non-superuser owner
   * (a member of the tenant role, as the services' pool users are), which then counts the rows of
   * {@code tenants} unbound and bound to the first of them. Per state ("unbound", "bound"), rows
   * per table and tenant; and, per table, whether its policy is forced.
   */
  public static Map<String, Object> ownerProbe(AgroalDataSource dataSource, String... tenants)
      throws SQLException {
    String owner = "rls_owner_probe_" + UUID.randomUUID().toString().replace("-", "");
    Map<String, Object> result = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        List<String> tables = tenantTables(c);
        Map<String, Boolean> forced = new TreeMap<>();
        try (ResultSet r =
            s.executeQuery(
                "select c.relname, c.relforcerowsecurity from pg_class c join pg_namespace n on"
                    + " n.oid = c.relnamespace where n.nspname = current_schema()")) {
          while (r.next()) {
            if (tables.contains(r.getString(1))) {
              forced.put(r.getString(1), r.getBoolean(2));
            }
          }
        }
        result.put("forced", forced);
        s.execute("create role " + owner + " nologin in role " + TenantBinding.ROLE);
        for (String table : tables) {
          s.execute("alter table " + table + " owner to " + owner);
        }
        s.execute("set local role " + owner);
        result.put("unbound", counts(c, tables, tenants));
        try (PreparedStatement bind =
            c.prepareStatement("select set_config('app.tenant', ?, true)")) {
          bind.setString(1, tenants[0]);
          bind.execute();
        }
        result.put("bound", counts(c, tables, tenants));
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    }
    return result;
  }

  /** The kit tables whose policy is deliberately not forced: the pool user's cross-tenant work. */
  public static final Set<String> UNFORCED = Set.of("outbox_event", "idempotency_record");

  /**
   * Checks an {@link #ownerProbe} answer: every table with a tenant_id but the kit's {@link
   * #UNFORCED} ones has its policy forced; unbound, the owner saw no row of any tenant there; bound
   * to the first tenant, only that tenant's rows. Returns the bound counts of the first tenant.
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Long> assertOwnerIsolated(
      Map<String, Object> probe, String tenant, String... others) {
    Map<String, Boolean> forced = (Map<String, Boolean>) probe.get("forced");
    forced.forEach(
        (table, isForced) ->
            assertThat(isForced)
                .as("policy forced on " + table)
                .isEqualTo(!UNFORCED.contains(table)));
    Map<String, Map<String, Number>> unbound =
        (Map<String, Map<String, Number>>) probe.get("unbound");
    Map<String, Map<String, Number>> bound = (Map<String, Map<String, Number>>) probe.get("bound");
    Map<String, Long> own = new TreeMap<>();
    forced.forEach(
        (table, isForced) -> {
          if (!isForced) {
            return;
          }
          unbound
              .get(table)
              .forEach(
                  (t, n) ->
                      assertThat(n.longValue())
                          .as("unbound owner, rows of " + t + " in " + table)
                          .isZero());
          for (String other : others) {
            assertThat(bound.get(table).get(other).longValue())
                .as("owner bound to " + tenant + ", rows of " + other + " in " + table)
                .isZero();
          }
          own.put(table, bound.get(table).get(tenant).longValue());
        });
    return own;
  }

  private static Map<String, Map<String, Long>> counts(
      Connection c, List<String> tables, String... tenants) throws SQLException {
    Map<String, Map<String, Long>> counts = new TreeMap<>();
    for (String table : tables) {
      Map<String, Long> byTenant = new TreeMap<>();
      for (String tenant : tenants) {
        try (PreparedStatement s =
            c.prepareStatement("select count(*) from " + table + " where tenant_id = ?")) {
          s.setString(1, tenant);
          try (ResultSet r = s.executeQuery()) {
            r.next();
            byTenant.put(tenant, r.getLong(1));
          }
        }
      }
      counts.put(table, byTenant);
    }
    return counts;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Set<String>> tenantsSeen(EntityManager em) {
    Map<String, Set<String>> seen = new TreeMap<>();
    for (String table : tenantTables(em)) {
      Set<String> tenants = new HashSet<>();
      for (Object t :
          em.createNativeQuery("select distinct tenant_id from " + table).getResultList()) {
        tenants.add((String) t);
      }
      seen.put(table, tenants);
    }
    return seen;
  }

  /** What one request saw: rows per table (all of its tenant), and its connections. */
  public record Seen(Map<String, Long> rows, Set<Integer> pids) {}

  private static final String TENANT_TABLES =
      "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
          + " join pg_attribute a on a.attrelid = c.oid where n.nspname = current_schema()"
          + " and c.relkind in ('r', 'p') and a.attname = 'tenant_id' and not a.attisdropped"
          + " order by 1";

  /** Every table of the service's schema that has a tenant_id column. */
  @SuppressWarnings("unchecked")
  public static List<String> tenantTables(EntityManager em) {
    return em.createNativeQuery(TENANT_TABLES).getResultList();
  }

  private static List<String> tenantTables(Connection c) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(TENANT_TABLES)) {
      while (r.next()) {
        tables.add(r.getString(1));
      }
    }
    return tables;
  }

  /** An idempotency record of the tenant, written as work outside any request writes. */
  public static void seedIdempotencyRecord(AgroalDataSource dataSource, String tenant)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "insert into idempotency_record (tenant_id, idem_key, request_hash, status,"
                    + " headers, created_at, expires_at) values (?, ?, 'h', 201, '{}', ?, ?)")) {
      s.setString(1, tenant);
      s.setString(2, UUID.randomUUID().toString());
      s.setTimestamp(3, Timestamp.from(Instant.now()));
      s.setTimestamp(4, Timestamp.from(Instant.now().plusSeconds(3600)));
      s.executeUpdate();
    }
  }

  /**
   * Publishes, as invoicing would, a customer of the tenant and one invoice of it, so that a
   * consuming service projects rows of the tenant into its tables. Returns the customer's id.
   */
  public static String publishCustomerWithInvoice(String tenant) {
    String customer = UUID.randomUUID().toString();
    String invoice = UUID.randomUUID().toString();
    LocalDate issued = LocalDate.now(ZoneId.of("Europe/Paris")).minusDays(40);
    BigDecimal total = new BigDecimal("1200.00");
    KafkaWriter.publish(
        Topics.INVOICING,
        UUID.randomUUID().toString(),
        new CustomerRegistered(
            tenant,
            customer,
            "C-" + customer,
            "Boulangerie Martin",
            "FR",
            "EUR",
            "fr",
            null,
            null,
            null,
            new PaymentTermsData(30, "NONE")));
    KafkaWriter.publish(
        Topics.INVOICING,
        UUID.randomUUID().toString(),
        new InvoiceIssued(
            tenant,
            customer,
            invoice,
            "F-" + invoice,
            issued,
            issued.plusDays(30),
            "EUR",
            total,
            BigDecimal.ZERO,
            total,
            total,
            null));
    return customer;
  }

  /** Waits until the consumers have written rows of every tenant to the table. */
  public static void awaitRows(AgroalDataSource dataSource, String table, String... tenants) {
    Awaitility.await("rows of every tenant in " + table)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> !countUnbound(dataSource, table, tenants).containsValue(0L));
  }

  /**
   * Rows per tenant of a table, counted outside any request: work that serves no tenant sees them
   * all.
   */
  public static Map<String, Long> countUnbound(
      AgroalDataSource dataSource, String table, String... tenants) throws SQLException {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection c = dataSource.getConnection()) {
      assertUnbound(c);
      for (String tenant : tenants) {
        try (PreparedStatement s =
            c.prepareStatement("select count(*) from " + table + " where tenant_id = ?")) {
          s.setString(1, tenant);
          try (ResultSet r = s.executeQuery()) {
            r.next();
            counts.put(tenant, r.getLong(1));
          }
        }
      }
    }
    return counts;
  }

  /**
   * Borrows connections from the pool, on this thread outside any request, until it holds the ones
   * the probe used (by their server process id), and checks each borrowed connection is back to the
   * pool user with no tenant: a request's binding never reaches the next borrower. Other work may
   * hold a wanted connection for a moment, so the search starts over a few times.
   */
  public static void assertReturnedConnectionsAreUnbound(
      AgroalDataSource dataSource, Set<Integer> pids) throws SQLException {
    int max = dataSource.getConfiguration().connectionPoolConfiguration().maxSize();
    Set<Integer> missing = new HashSet<>(pids);
    for (int round = 0; round < 50 && !missing.isEmpty(); round++) {
      List<Connection> held = new ArrayList<>();
      try {
        while (!missing.isEmpty() && held.size() < max - 1) {
          Connection c = dataSource.getConnection();
          held.add(c);
          missing.remove(assertUnbound(c));
        }
      } finally {
        for (Connection c : held) {
          c.close();
        }
      }
    }
    assertThat(missing).as("connections of the probe found back in the pool").isEmpty();
  }

  /** Asserts the connection acts as the pool user with no tenant, and returns its process id. */
  public static int assertUnbound(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "select current_user = session_user, coalesce(current_setting('app.tenant', true),"
                    + " ''), pg_backend_pid()")) {
      r.next();
      assertThat(r.getBoolean(1)).as("connection acts as the pool user").isTrue();
      assertThat(r.getString(2)).as("connection carries no tenant").isEmpty();
      return r.getInt(3);
    }
  }

  private static String stateOf(Connection c, String sql, String... params) {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setString(i + 1, params[i]);
      }
      s.executeUpdate();
      return "accepted";
    } catch (SQLException e) {
      return e.getSQLState();
    }
  }
}
