package dev.slipway.local.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restart as the fault-injection tests use it: same port, data and password. */
class RestartablePostgresTest {
  @TempDir Path dir;

  @Test
  void dataAndCredentialsSurviveAStopAndStart() throws SQLException {
    Path data = dir.resolve("pg");
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startRestartable(0, data)) {
      String db = server.createDatabase("kept");
      try (Connection c = connect(server, db);
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t (v text)");
        s.execute("INSERT INTO t VALUES ('before')");
      }
      server.stop();
      assertThrows(SQLException.class, () -> connect(server, db).close(), "down while stopped");
      server.startAgain();
      try (Connection c = connect(server, db);
          ResultSet rs = c.createStatement().executeQuery("SELECT v FROM t")) {
        assertTrue(rs.next());
        assertEquals("before", rs.getString(1));
      }
    }
    assertFalse(Files.exists(data), "close deletes the owned data directory");
  }

  @Test
  void aServerStartedWithoutADirectoryOfItsOwnCannotBeStopped() {
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(0)) {
      assertThrows(IllegalStateException.class, server::stop);
    }
  }

  private static Connection connect(EmbeddedPostgresServer server, String db) throws SQLException {
    return DriverManager.getConnection(server.jdbcUrl(db), server.username(), server.password());
  }
}
