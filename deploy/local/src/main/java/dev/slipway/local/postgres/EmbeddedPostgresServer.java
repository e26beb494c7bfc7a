package dev.slipway.local.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * A real PostgreSQL server (zonky embedded binaries, PostgreSQL 14) for tests and the local stack.
 *
 * <p>Applications connect with a random password checked by scram-sha-256, so a service that
 * forgets to pass its password fails here as it would on RDS. Each service has its own role, as in
 * production (issue 22, docs/deploy.md#database-roles): {@link #API_ROLE} owns every database
 * created here and runs the migrations, whose afterMigrate callback grants {@link #WORKER_ROLE} and
 * {@link #RECONCILER_ROLE} only what they need, so a missing grant fails our own tests. {@link
 * #USERNAME} is the admin of tests and of {@code psql "$SLIPWAY_DB_URL"}: a member of the API's
 * role, so it reads and writes everything. The {@code postgres} superuser stays trusted on loopback
 * for admin work (creating roles and databases).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  public static final String USERNAME = "slipway";

  /** The api-service's role: owns the schema, runs Flyway. */
  public static final String API_ROLE = "slipway_api";

  public static final String WORKER_ROLE = "slipway_worker";
  public static final String RECONCILER_ROLE = "slipway_reconciler";
  private static final List<String> SERVICE_ROLES = List.of(API_ROLE, WORKER_ROLE, RECONCILER_ROLE);

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
      server.ensureRoles();
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

  /**
   * The password of {@link #USERNAME} or of a service role: derived from the server's, so a handle
   * attached with the port and password alone knows every role's.
   */
  public String password(String role) {
    return USERNAME.equals(role) ? password : password + "-" + role;
  }

  /**
   * Creates the database unless it exists, owned by {@link #API_ROLE}, with no CREATE on its public
   * schema for anyone else (PostgreSQL 14 grants it to every role); returns its name.
   */
  public String createDatabase(String name) {
    admin.createDatabase(name, API_ROLE);
    return name;
  }

  private void ensureRoles() {
    admin.ensureRole(USERNAME, password, true);
    for (String role : SERVICE_ROLES) {
      admin.ensureRole(role, password(role), false);
    }
    admin.grantMembership(API_ROLE, USERNAME);
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
      ensureRoles();
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
