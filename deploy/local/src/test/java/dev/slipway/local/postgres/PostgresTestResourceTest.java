package dev.slipway.local.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PostgresTestResourceTest {

  private static final Set<String> KEYS =
      Set.of(
          "quarkus.datasource.jdbc.url",
          "quarkus.datasource.reactive.url",
          "quarkus.datasource.username",
          "quarkus.datasource.password",
          "quarkus.datasource.devservices.enabled",
          "slipway.test.db-libpq-url");

  @Test
  void eachStartGetsItsOwnDatabaseOnOneServer() throws SQLException {
    PostgresTestResource first = new PostgresTestResource();
    PostgresTestResource second = new PostgresTestResource();
    try {
      Map<String, String> a = first.start();
      Map<String, String> b = second.start();

      assertEquals(KEYS, a.keySet());
      assertEquals("false", a.get("quarkus.datasource.devservices.enabled"));
      assertNotEquals(a.get("quarkus.datasource.jdbc.url"), b.get("quarkus.datasource.jdbc.url"));
      assertEquals(port(a), port(b), "one JVM-wide server");
      // The static accessor follows the most recent start().
      assertEquals(b.get("quarkus.datasource.jdbc.url"), PostgresTestResource.jdbcUrl());
      assertEquals(currentDatabase(a), database(a));
    } finally {
      first.stop();
      second.stop();
    }
  }

  @Test
  void stopDropsTheDatabase() throws SQLException {
    PostgresTestResource resource = new PostgresTestResource();
    Map<String, String> config = resource.start();
    String db = database(config);
    Connection leaked = open(config); // a connection left open must not block the drop
    resource.stop();
    assertFalse(leaked.isValid(2));
    SQLException e = assertThrows(SQLException.class, () -> open(config).close());
    assertEquals("3D000", e.getSQLState(), "database " + db + " should not exist");
  }

  private static String currentDatabase(Map<String, String> config) throws SQLException {
    try (Connection c = open(config);
        ResultSet rs = c.createStatement().executeQuery("SELECT current_database()")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static Connection open(Map<String, String> config) throws SQLException {
    return DriverManager.getConnection(
        config.get("quarkus.datasource.jdbc.url"),
        config.get("quarkus.datasource.username"),
        config.get("quarkus.datasource.password"));
  }

  private static String database(Map<String, String> config) {
    String url = config.get("quarkus.datasource.reactive.url");
    return url.substring(url.lastIndexOf('/') + 1);
  }

  private static String port(Map<String, String> config) {
    String url = config.get("quarkus.datasource.reactive.url");
    return url.substring(url.lastIndexOf(':') + 1, url.lastIndexOf('/'));
  }
}
