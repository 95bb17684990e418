package org.receivables.kit.replica;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh schema on the suite's PostgreSQL (the module's test database, created when missing) for
 * SQL tests without Quarkus; dropped on close, so tests run side by side and leave nothing.
 */
final class ScratchSchema implements AutoCloseable {

  private final Connection connection;
  private final String schema = "kit_" + UUID.randomUUID().toString().replace("-", "");

  ScratchSchema() throws SQLException {
    String url =
        System.getProperty(
            "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/kit_test");
    connection = connect(url);
    try (Statement s = connection.createStatement()) {
      s.execute("create schema " + schema);
      s.execute("set search_path to " + schema);
    }
  }

  Connection connection() {
    return connection;
  }

  /** Runs a classpath SQL script, such as a Flyway callback of the kit. */
  ScratchSchema run(String resource) throws SQLException, IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource);
        Statement s = connection.createStatement()) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + resource);
      }
      s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    return this;
  }

  @Override
  public void close() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("drop schema " + schema + " cascade");
    } finally {
      connection.close();
    }
  }

  private static Connection connect(String url) throws SQLException {
    String user = System.getProperty("quarkus.datasource.username", "postgres");
    String password = System.getProperty("quarkus.datasource.password", "postgres");
    try {
      return DriverManager.getConnection(url, user, password);
    } catch (SQLException e) {
      if (!"3D000".equals(e.getSQLState())) { // invalid_catalog_name: the database is missing
        throw e;
      }
      int slash = url.lastIndexOf('/');
      String database = url.substring(slash + 1).replaceAll("\\?.*", "");
      try (Connection admin =
              DriverManager.getConnection(url.substring(0, slash) + "/postgres", user, password);
          Statement s = admin.createStatement()) {
        s.execute("create database \"" + database.replace("\"", "") + "\"");
      } catch (SQLException race) {
        if (!"42P04".equals(race.getSQLState())) { // duplicate_database: created meanwhile
          throw race;
        }
      }
      return DriverManager.getConnection(url, user, password);
    }
  }
}
