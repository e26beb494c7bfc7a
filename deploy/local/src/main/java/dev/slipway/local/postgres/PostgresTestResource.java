package dev.slipway.local.postgres;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Quarkus test resource: one embedded PostgreSQL per JVM, a fresh database per {@link #start()}.
 *
 * <p>Starting PostgreSQL costs seconds, creating a database milliseconds, so every test class gets
 * its own database on the shared server and cannot see another class's rows. The server is JVM-wide
 * even across Quarkus's per-application class loaders (see {@link SharedPostgres}).
 *
 * <p>The application connects as the service's own role ({@link #ROLE_ARG}: {@code slipway_api},
 * {@code slipway_worker} or {@code slipway_reconciler}; the admin {@code slipway} without it), as
 * it does in production, so a right the migrations' grants forget fails the service's tests. For a
 * role other than the API's, Flyway (which tests run themselves) migrates as the API's role, and
 * the named reactive datasource {@link #FIXTURES} connects as the admin, for tests that arrange
 * rows the service itself may not write.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

  public static final String LIBPQ_URL_PROPERTY = "slipway.test.db-libpq-url";

  /** Init argument: the role the application connects as. */
  public static final String ROLE_ARG = "role";

  /** The admin's datasource for test fixtures ({@code @ReactiveDataSource("fixtures")}). */
  public static final String FIXTURES = "fixtures";

  // JVM-wide like the server: the test may run in another class loader than the resource did.
  private static final String CURRENT_DATABASE = "slipway.local.postgres.current-database";
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static EmbeddedPostgresServer server; // a handle per class loader, one server per JVM

  private String database;
  private String role = EmbeddedPostgresServer.USERNAME;

  @Override
  public void init(Map<String, String> initArgs) {
    role = initArgs.getOrDefault(ROLE_ARG, EmbeddedPostgresServer.USERNAME);
  }

  @Override
  public Map<String, String> start() {
    EmbeddedPostgresServer pg = server();
    database = pg.createDatabase(uniqueName());
    System.setProperty(CURRENT_DATABASE, database);
    Map<String, String> config = new HashMap<>();
    config.put("quarkus.datasource.jdbc.url", pg.jdbcUrl(database));
    config.put("quarkus.datasource.reactive.url", pg.reactiveUrl(database));
    config.put("quarkus.datasource.username", role);
    config.put("quarkus.datasource.password", pg.password(role));
    config.put("quarkus.datasource.devservices.enabled", "false");
    config.put(LIBPQ_URL_PROPERTY, pg.libpqUrl(database));
    if (!role.equals(EmbeddedPostgresServer.USERNAME)
        && !role.equals(EmbeddedPostgresServer.API_ROLE)) {
      config.put("quarkus.flyway.username", EmbeddedPostgresServer.API_ROLE);
      config.put("quarkus.flyway.password", pg.password(EmbeddedPostgresServer.API_ROLE));
      String fixtures = "quarkus.datasource.\"" + FIXTURES + "\".";
      config.put(fixtures + "reactive.url", pg.reactiveUrl(database));
      config.put(fixtures + "username", pg.username());
      config.put(fixtures + "password", pg.password());
    }
    return config;
  }

  // Quarkus stops resources after the application; FORCE ends any connection it leaked. Failure is
  // tolerated: the server and its databases go away at JVM exit anyway.
  @Override
  public void stop() {
    if (database == null) {
      return;
    }
    try {
      server().dropDatabase(database);
    } catch (RuntimeException e) {
      System.err.println("PostgresTestResource: could not drop " + database + ": " + e);
    }
    database = null;
  }

  /** The JVM-wide server (see {@link SharedPostgres}), started on first use. */
  public static synchronized EmbeddedPostgresServer server() {
    if (server == null) {
      server = SharedPostgres.attach();
    }
    return server;
  }

  /** The database created by the most recent {@link #start()} in this JVM. */
  public static String databaseName() {
    String db = System.getProperty(CURRENT_DATABASE);
    if (db == null) {
      throw new IllegalStateException("PostgresTestResource has not been started in this JVM");
    }
    return db;
  }

  /** JDBC URL of the current database; pair it with {@link #username()} and {@link #password()}. */
  public static String jdbcUrl() {
    return server().jdbcUrl(databaseName());
  }

  public static String libpqUrl() {
    return server().libpqUrl(databaseName());
  }

  public static String username() {
    return server().username();
  }

  public static String password() {
    return server().password();
  }

  private static String uniqueName() {
    String random = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    return "slipway_test_" + SEQUENCE.incrementAndGet() + "_" + random;
  }
}
