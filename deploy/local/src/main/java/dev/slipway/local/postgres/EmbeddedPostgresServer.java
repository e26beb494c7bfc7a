package dev.slipway.local.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A real PostgreSQL server (zonky embedded binaries, PostgreSQL 14) for tests and the local stack.
 *
 * <p>Applications connect as the role {@link #USERNAME} with a random password checked by
 * scram-sha-256, so a service that forgets to pass its password fails here as it would on RDS. The
 * {@code postgres} superuser stays trusted on loopback for admin work (creating databases).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  public static final String USERNAME = "slipway";

  private final int port;
  private final String password;
  private final boolean attached; // a handle on a server started elsewhere
  private final Path restartableData; // owned data directory kept across stop/start, or null
  private final PostgresAdmin admin;
  private EmbeddedPostgres process; // null when attached or stopped

  private EmbeddedPostgresServer(
      int port, String password, EmbeddedPostgres process, Path restartableData) {
    this.port = port;
    this.password = password;
    this.process = process;
    this.attached = process == null;
    this.restartableData = restartableData;
    this.admin = new PostgresAdmin(port);
  }

  /** Starts a server in a fresh temporary data directory; port 0 picks a free port. */
  public static EmbeddedPostgresServer start(int port) {
    return start(port, null);
  }

  /**
   * Starts a server; a non-null {@code dataDirectory} is kept between runs (initialised on first
   * use), so the local stack can survive restarts.
   */
  public static EmbeddedPostgresServer start(int port, Path dataDirectory) {
    return started(PostgresProcess.launch(port, dataDirectory), null);
  }

  /**
   * Starts a server in a fresh {@code dataDirectory} (emptied first) that it owns: {@link #stop()}
   * and {@link #startAgain()} keep it (a restart on the same port, data and password, as a database
   * failover looks to its clients), {@link #close()} deletes it.
   */
  public static EmbeddedPostgresServer startRestartable(int port, Path dataDirectory) {
    PostgresProcess.deleteTree(dataDirectory);
    return started(PostgresProcess.launch(port, dataDirectory), dataDirectory);
  }

  private static EmbeddedPostgresServer started(EmbeddedPostgres process, Path restartableData) {
    EmbeddedPostgresServer server =
        new EmbeddedPostgresServer(process.getPort(), newPassword(), process, restartableData);
    try {
      server.admin.ensureRole(USERNAME, server.password);
    } catch (RuntimeException e) {
      server.close(); // do not leave a postmaster behind
      throw e;
    }
    return server;
  }

  /**
   * A handle on a server started elsewhere (another class loader, another JVM) on localhost; {@link
   * #close()} then leaves the server running.
   */
  public static EmbeddedPostgresServer attach(int port, String password) {
    return new EmbeddedPostgresServer(port, password, null, null);
  }

  public int port() {
    return port;
  }

  public String username() {
    return USERNAME;
  }

  public String password() {
    return password;
  }

  /** Creates the database (owned by {@link #USERNAME}) unless it exists; returns its name. */
  public String createDatabase(String name) {
    admin.createDatabase(name, USERNAME);
    return name;
  }

  /** Drops the database, ending its open sessions first. */
  public void dropDatabase(String name) {
    admin.dropDatabase(name);
  }

  public String jdbcUrl(String db) {
    return "jdbc:postgresql://localhost:" + port + "/" + db;
  }

  /** The URL format of the Quarkus reactive (Vert.x) PostgreSQL client. */
  public String reactiveUrl(String db) {
    return "postgresql://localhost:" + port + "/" + db;
  }

  /**
   * A URL with credentials for libpq tools ({@code psql "$URL"}); the password needs no escaping.
   */
  public String libpqUrl(String db) {
    return "postgresql://" + USERNAME + ":" + password + "@localhost:" + port + "/" + db;
  }

  /**
   * Stops a restartable server (fast shutdown: open sessions are ended, clients see their
   * connections drop) and keeps its data for {@link #startAgain()}.
   */
  public synchronized void stop() {
    requireRestartable();
    stopProcess();
  }

  /** Starts a stopped restartable server again on the same port, data and password. */
  public synchronized void startAgain() {
    requireRestartable();
    if (process == null) {
      process = PostgresProcess.launch(port, restartableData);
      admin.ensureRole(USERNAME, password);
    }
  }

  /**
   * Stops the server (fast shutdown) and deletes a restartable server's data; does nothing for an
   * attached handle.
   */
  @Override
  public synchronized void close() {
    if (attached) {
      return;
    }
    stopProcess();
    if (restartableData != null) {
      PostgresProcess.deleteTree(restartableData);
    }
  }

  private void stopProcess() {
    EmbeddedPostgres running = process;
    process = null;
    if (running == null) {
      return;
    }
    try {
      running.close();
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not stop", e);
    }
  }

  private void requireRestartable() {
    if (restartableData == null) {
      throw new IllegalStateException("not started with startRestartable");
    }
  }

  // Hex only: safe in a URL and in a SQL literal without escaping.
  private static String newPassword() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return "slp-" + HexFormat.of().formatHex(bytes);
  }
}
