package org.receivables.kit.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A fresh schema on the suite's PostgreSQL (the module's test database, created when missing) for
 * SQL tests without Quarkus; dropped on close, so tests run side by side and leave nothing. A
 * service's data migrations are rehearsed in one with {@link #migrate}: up to the version before,
 * old rows inserted, then to the end. A test class annotated
 * {@code @ExtendWith(ScratchSchema.PerTest.class)} gets a fresh one as a test method parameter,
 * dropped after the test.
 */
public final class ScratchSchema implements AutoCloseable {

  private final String url;
  private final Connection connection;
  private final String schema = "kit_" + UUID.randomUUID().toString().replace("-", "");

  public ScratchSchema() throws SQLException {
    url =
        System.getProperty(
            "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/kit_test");
    connection = connect(url);
    try (Statement s = connection.createStatement()) {
      s.execute("create schema " + schema);
      s.execute("set search_path to " + schema);
    }
  }

  public Connection connection() {
    return connection;
  }

  /**
   * Migrates this schema with Flyway from the classpath locations (as in the service's {@code
   * quarkus.flyway.locations}, callbacks included) up to a version, or to the end with {@code
   * "latest"}.
   */
  public ScratchSchema migrate(String target, String... locations) {
    Flyway.configure()
        .dataSource(url, user(), password())
        .schemas(schema)
        .defaultSchema(schema)
        .locations(locations)
        .target(target)
        .cleanDisabled(true)
        .load()
        .migrate();
    return this;
  }

  /**
   * Migrates this schema as the service under test migrates its own: with the Flyway locations its
   * {@code application.properties} names ({@code quarkus.flyway.locations}).
   */
  public ScratchSchema migrate(String target) {
    return migrate(target, serviceLocations());
  }

  /** The service's Flyway locations, read from its {@code application.properties}. */
  static String[] serviceLocations() {
    Properties properties = new Properties();
    try (InputStream in =
        ScratchSchema.class.getClassLoader().getResourceAsStream("application.properties")) {
      if (in == null) {
        throw new IllegalStateException("no application.properties on the test classpath");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    String locations = properties.getProperty("quarkus.flyway.locations");
    if (locations == null || locations.isBlank()) {
      throw new IllegalStateException("application.properties names no quarkus.flyway.locations");
    }
    return locations.strip().split("\\s*,\\s*");
  }

  /** Runs SQL statements in this schema. */
  public void execute(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  /** Each row of a query as its columns' text as PostgreSQL prints it, joined by '|'. */
  public List<String> rows(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> cells = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          cells.add(String.valueOf(rs.getString(i)));
        }
        out.add(String.join("|", cells));
      }
    }
    return out;
  }

  /** Runs a classpath SQL script, such as a Flyway callback of the kit. */
  public ScratchSchema run(String resource) throws SQLException, IOException {
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

  private static String user() {
    return System.getProperty("quarkus.datasource.username", "postgres");
  }

  private static String password() {
    return System.getProperty("quarkus.datasource.password", "postgres");
  }

  private static Connection connect(String url) throws SQLException {
    String user = user();
    String password = password();
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

  /**
   * Gives each test method that takes a {@link ScratchSchema} parameter a fresh one, dropped after
   * the test: the set-up and tear-down every migration test would otherwise write.
   */
  public static final class PerTest implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
        ExtensionContext.Namespace.create(PerTest.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == ScratchSchema.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      try {
        ScratchSchema schema = new ScratchSchema();
        context.getStore(NAMESPACE).put(ScratchSchema.class, schema);
        return schema;
      } catch (SQLException e) {
        throw new IllegalStateException("Could not create a scratch schema", e);
      }
    }

    @Override
    public void afterEach(ExtensionContext context) throws SQLException {
      ScratchSchema schema =
          context.getStore(NAMESPACE).remove(ScratchSchema.class, ScratchSchema.class);
      if (schema != null) {
        schema.close();
      }
    }
  }
}
