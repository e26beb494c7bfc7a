package dev.slipway.local.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Starting a zonky postmaster, and removing a data directory the server owned. */
final class PostgresProcess {
  private PostgresProcess() {}

  /**
   * Starts a postmaster on {@code port} (0: zonky picks one) in {@code dataDirectory} (null: a
   * temporary one zonky removes on close; otherwise kept, initialised on first use).
   */
  static EmbeddedPostgres launch(int port, Path dataDirectory) {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setServerConfig("max_connections", "200")
            .setDataDirectoryCustomizer(dir -> PgHbaWriter.write(dir.toPath()));
    if (port != 0) {
      builder.setPort(port); // zonky picks a free port itself when none is set
    }
    if (dataDirectory != null) {
      builder.setDataDirectory(dataDirectory.toFile()).setCleanDataDirectory(false);
    }
    try {
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not start", e);
    }
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + dir, e);
    }
  }
}
