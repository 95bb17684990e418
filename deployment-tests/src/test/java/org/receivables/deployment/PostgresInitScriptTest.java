package org.receivables.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs deploy/postgres/initdb/10-suite-databases.sh (what the postgres image runs at first start)
 * against the suite's PostgreSQL server, with throwaway names, and checks what it leaves behind.
 */
class PostgresInitScriptTest {

  private static final String SERVER = System.getProperty("suite.pg", "127.0.0.1:5432");
  private final String prefix = "dt" + UUID.randomUUID().toString().substring(0, 8);
  private final List<String> names = List.of(prefix + "_alpha", prefix + "_beta");

  @Test
  void createsOneDatabasePerNameOwnedByItsOwnRoleAndCanRunTwice() throws Exception {
    runScript();
    runScript(); // a second start over the same server changes nothing and does not fail

    try (Connection admin = connect("postgres", "postgres", "postgres")) {
      for (String name : names) {
        assertThat(
                single(
                    admin,
                    "select pg_get_userbyid(datdba) from pg_database where datname = '"
                        + name
                        + "'"))
            .as("owner of database %s", name)
            .isEqualTo(name);
      }
    }
    try (Connection alpha = connect(names.get(0), names.get(0), "alpha-secret");
        Statement st = alpha.createStatement()) {
      st.execute("create table probe (id int)");
      st.execute("insert into probe values (1)");
      assertThat(single(alpha, "select count(*) from probe")).isEqualTo("1");
    }
    // a role gets into its own database only (CONNECT revoked from PUBLIC)
    try {
      connect(names.get(0), names.get(1), "alpha-secret").close();
      throw new AssertionError("role " + names.get(0) + " connected to database " + names.get(1));
    } catch (SQLException expected) {
      assertThat(expected.getMessage()).containsIgnoringCase("permission denied");
    }
  }

  @AfterEach
  void dropThrowawayDatabasesAndRoles() throws SQLException {
    try (Connection admin = connect("postgres", "postgres", "postgres");
        Statement st = admin.createStatement()) {
      for (String name : names) {
        st.execute("drop database if exists \"" + name + "\" with (force)");
        st.execute("drop role if exists \"" + name + "\"");
      }
    }
  }

  private void runScript() {
    String[] hostPort = SERVER.split(":");
    Repo.Result r =
        Repo.run(
            Repo.root(),
            List.of("sh", Repo.path("deploy/postgres/initdb/10-suite-databases.sh").toString()),
            Map.of(
                "SUITE_DATABASES",
                String.join(" ", names),
                prefix.toUpperCase() + "_ALPHA_DB_PASSWORD",
                "alpha-secret",
                "SUITE_DB_PASSWORD",
                "shared-secret",
                "PGHOST",
                hostPort[0],
                "PGPORT",
                hostPort[1],
                "PGPASSWORD",
                "postgres",
                "POSTGRES_USER",
                "postgres"),
            60);
    assertThat(r.code()).as("init script output:\n%s", r.output()).isZero();
    for (String name : names) {
      assertThat(r.output()).contains("database " + name + " owned by role " + name);
    }
  }

  private static Connection connect(String user, String database, String password)
      throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://" + SERVER + "/" + database, user, password);
  }

  private static String single(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      assertThat(rs.next()).as("a row from %s", sql).isTrue();
      return rs.getString(1);
    }
  }
}
