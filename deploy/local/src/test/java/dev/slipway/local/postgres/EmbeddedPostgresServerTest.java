package dev.slipway.local.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresServerTest {

  private static final Path PSQL = Path.of("/usr/bin/psql");
  private static EmbeddedPostgresServer server;

  @BeforeAll
  static void startServer() {
    long t0 = System.nanoTime();
    server = EmbeddedPostgresServer.start(0);
    System.out.printf(
        "embedded PostgreSQL started in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void appRoleConnectsOverJdbcAndRunsQueries() throws SQLException {
    String db = server.createDatabase("jdbc_check");
    try (Connection c = connect(db, server.password());
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE tenant (id int PRIMARY KEY, name text)");
      s.execute("INSERT INTO tenant VALUES (1, 'acme')");
      try (ResultSet rs =
          s.executeQuery("SELECT name, current_user, current_database() FROM tenant")) {
        assertTrue(rs.next());
        assertEquals("acme", rs.getString(1));
        assertEquals(EmbeddedPostgresServer.USERNAME, rs.getString(2));
        assertEquals(db, rs.getString(3));
      }
    }
  }

  @Test
  void wrongPasswordIsRejected() {
    String db = server.createDatabase("auth_check");
    SQLException e =
        assertThrows(SQLException.class, () -> connect(db, "not-the-password").close());
    assertEquals("28P01", e.getSQLState(), "invalid_password");
  }

  @Test
  void createDatabaseIsIdempotent() throws SQLException {
    assertEquals("twice", server.createDatabase("twice"));
    assertEquals("twice", server.createDatabase("twice"));
    try (Connection c = connect("twice", server.password());
        ResultSet rs =
            c.createStatement()
                .executeQuery("SELECT count(*) FROM pg_database WHERE datname = 'twice'")) {
      rs.next();
      assertEquals(1, rs.getInt(1));
    }
  }

  @Test
  void rejectsNamesThatAreNotPlainIdentifiers() {
    assertThrows(IllegalArgumentException.class, () -> server.createDatabase("x; DROP ROLE y"));
    assertThrows(IllegalArgumentException.class, () -> server.createDatabase("Upper"));
  }

  @Test
  void urlsHaveTheDocumentedFormats() {
    int port = server.port();
    assertEquals("jdbc:postgresql://localhost:" + port + "/app", server.jdbcUrl("app"));
    assertEquals("postgresql://localhost:" + port + "/app", server.reactiveUrl("app"));
    assertEquals(
        "postgresql://slipway:" + server.password() + "@localhost:" + port + "/app",
        server.libpqUrl("app"));
    assertTrue(server.password().length() >= 20, "non-trivial password");
  }

  @Test
  void libpqUrlWorksWithPsql() throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(PSQL), "psql is not installed");
    String db = server.createDatabase("psql_check");
    Process psql =
        new ProcessBuilder(
                PSQL.toString(),
                server.libpqUrl(db),
                "-tA",
                "-c",
                "SELECT current_user || '@' || current_database()")
            .redirectErrorStream(true)
            .start();
    assertTrue(psql.waitFor(30, TimeUnit.SECONDS), "psql timed out");
    String out = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertEquals(0, psql.exitValue(), out);
    assertEquals("slipway@psql_check", out);
  }

  private static Connection connect(String db, String password) throws SQLException {
    return DriverManager.getConnection(server.jdbcUrl(db), server.username(), password);
  }
}
