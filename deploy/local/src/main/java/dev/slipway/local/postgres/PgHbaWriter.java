package dev.slipway.local.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Replaces the trust-everyone pg_hba.conf that zonky's {@code initdb -A trust} writes.
 *
 * <p>zonky itself (startup probe, {@code getPostgresDatabase()}) connects as {@code postgres}
 * without a password, so that role stays trusted on loopback; every other role must present its
 * password, as on a managed database.
 */
final class PgHbaWriter {

  static final String CONTENT =
      String.join(
          "\n",
          "# Written by dev.slipway.local.postgres.PgHbaWriter on every start.",
          "# TYPE  DATABASE  USER      ADDRESS       METHOD",
          "local   all       postgres                trust",
          "host    all       postgres  127.0.0.1/32  trust",
          "host    all       postgres  ::1/128       trust",
          "local   all       all                     scram-sha-256",
          "host    all       all       127.0.0.1/32  scram-sha-256",
          "host    all       all       ::1/128       scram-sha-256",
          "");

  private PgHbaWriter() {}

  static void write(Path dataDirectory) {
    try {
      Files.writeString(dataDirectory.resolve("pg_hba.conf"), CONTENT);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write pg_hba.conf in " + dataDirectory, e);
    }
  }
}
