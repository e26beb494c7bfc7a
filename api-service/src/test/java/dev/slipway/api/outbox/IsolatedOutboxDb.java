package dev.slipway.api.outbox;

import dev.slipway.local.postgres.EmbeddedPostgresServer;
import dev.slipway.local.postgres.PostgresTestResource;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database of its own on the shared embedded PostgreSQL, migrated with the real schema, where no
 * application relay runs: tests drive relay rounds, listeners and cleanups against it and see
 * exactly what they did. Unpooled connections, so a test can kill one without harming others.
 */
final class IsolatedOutboxDb implements AutoCloseable {
  private final EmbeddedPostgresServer server = PostgresTestResource.server();
  private final String name;
  private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

  IsolatedOutboxDb() {
    name = server.createDatabase("outbox_" + UUID.randomUUID().toString().replace("-", ""));
    dataSource.setURL(server.jdbcUrl(name));
    dataSource.setUser(server.username());
    dataSource.setPassword(server.password());
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .placeholders(Map.of("tenant_namespaces", "tenants"))
        .load()
        .migrate();
  }

  DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    server.dropDatabase(name);
  }
}
