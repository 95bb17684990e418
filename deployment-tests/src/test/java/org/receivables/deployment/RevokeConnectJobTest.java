package org.receivables.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The prod overlay's Job that revokes CONNECT (and TEMPORARY) on each service's database from
 * PUBLIC: it covers every database of the CloudNativePG cluster, logs in as each database's owner
 * over verified TLS, and its script, run against the suite's PostgreSQL server on throwaway
 * databases, really leaves PUBLIC without CONNECT.
 */
class RevokeConnectJobTest {

  private static final String SERVER = System.getProperty("suite.pg", "127.0.0.1:5432");
  private static final Manifests PROD = Manifests.render("prod");
  private final String prefix = "rv" + UUID.randomUUID().toString().substring(0, 8);
  private final List<String> names = List.of(prefix + "_alpha", prefix + "_beta");

  @Test
  void coversEveryDatabaseOfTheClusterAsItsOwnerOverVerifiedTls() {
    JsonNode cluster = PROD.all("Cluster").get(0);
    List<String> databases = new ArrayList<>();
    databases.add(cluster.path("spec").path("bootstrap").path("initdb").path("database").asText());
    PROD.all("Database").forEach(d -> databases.add(d.path("spec").path("name").asText()));

    JsonNode container = container();
    Map<String, String> env = PROD.environment(container);
    assertThat(env.get("SUITE_DATABASES").split(" "))
        .containsExactlyInAnyOrderElementsOf(databases);
    for (String db : databases) {
      assertThat(env.get(db.toUpperCase() + "_DB_PASSWORD"))
          .as("password of the owner of %s", db)
          .isEqualTo("secret:" + db + "-db/password");
    }
    assertThat(env.get("PGHOST")).isEqualTo(cluster.path("metadata").path("name").asText() + "-rw");
    assertThat(env.get("PGSSLMODE")).isEqualTo("verify-full");
    JsonNode pod = Manifests.podSpec(job());
    assertThat(DeploymentRulesTest.secretBehind(pod, container, env.get("PGSSLROOTCERT")))
        .isEqualTo(cluster.path("metadata").path("name").asText() + "-ca");
  }

  @Test
  void itsScriptRevokesConnectFromPublicAndCanRunAgain() throws Exception {
    try (Connection admin = connect("postgres", "postgres");
        Statement st = admin.createStatement()) {
      for (String name : names) {
        st.execute("create role \"" + name + "\" login password 'pw'");
        st.execute("create database \"" + name + "\" owner \"" + name + "\"");
      }
      assertThat(publicCanConnect(admin, names.get(1))).as("PostgreSQL's default").isTrue();
    }
    runScript();
    runScript(); // idempotent

    try (Connection admin = connect("postgres", "postgres")) {
      for (String name : names) {
        assertThat(publicCanConnect(admin, name)).as("PUBLIC CONNECT on %s", name).isFalse();
      }
    }
    // the owner still gets in; another role no longer does
    connect(names.get(0), names.get(0)).close();
    try {
      connect(names.get(0), names.get(1)).close();
      throw new AssertionError("role " + names.get(0) + " connected to database " + names.get(1));
    } catch (SQLException expected) {
      assertThat(expected.getMessage()).containsIgnoringCase("permission denied");
    }
  }

  @AfterEach
  void dropThrowaways() throws SQLException {
    try (Connection admin = connect("postgres", "postgres");
        Statement st = admin.createStatement()) {
      for (String name : names) {
        st.execute("drop database if exists \"" + name + "\" with (force)");
        st.execute("drop role if exists \"" + name + "\"");
      }
    }
  }

  private void runScript() {
    JsonNode c = container();
    List<String> command = new ArrayList<>(DeploymentRulesTest.texts(c.path("command")));
    command.addAll(DeploymentRulesTest.texts(c.path("args")));
    String[] hostPort = SERVER.split(":");
    Map<String, String> env = new HashMap<>();
    env.put("SUITE_DATABASES", String.join(" ", names));
    for (String name : names) {
      env.put(name.toUpperCase() + "_DB_PASSWORD", "pw");
    }
    env.put("PGHOST", hostPort[0]);
    env.put("PGPORT", hostPort[1]);
    env.put(
        "PGSSLMODE", "disable"); // the local server has no TLS; prod's verify-full is checked above
    env.put("ATTEMPTS", "1");
    Repo.Result r = Repo.run(Repo.root(), command, env, 60);
    assertThat(r.code()).as("Job script output:\n%s", r.output()).isZero();
    for (String name : names) {
      assertThat(r.output()).contains("database " + name + ": CONNECT revoked from PUBLIC");
    }
  }

  private static JsonNode job() {
    return PROD.get("Job", "receivables-pg-revoke-public-connect");
  }

  private static JsonNode container() {
    return Manifests.podSpec(job()).path("containers").get(0);
  }

  private static boolean publicCanConnect(Connection c, String db) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("select has_database_privilege('public', '" + db + "', 'CONNECT')")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  private static Connection connect(String user, String database) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/" + database, user, "pw");
  }
}
