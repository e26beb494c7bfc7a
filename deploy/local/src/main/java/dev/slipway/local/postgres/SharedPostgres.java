package dev.slipway.local.postgres;

import dev.slipway.local.jvm.JvmWide;

/**
 * The one embedded PostgreSQL of a JVM, shared by every test class (see {@link JvmWide} for why it
 * lives in the system class loader). Public for that reason.
 */
public final class SharedPostgres {

  private static EmbeddedPostgresServer server;

  private SharedPostgres() {}

  /**
   * Starts the server on first call and returns {@code "port:password"}. Call {@link #attach()}
   * instead: this runs in whichever copy of the class it is invoked on.
   */
  public static synchronized String coordinates() {
    if (server == null) {
      server = JvmWide.start(SharedPostgres.class, () -> EmbeddedPostgresServer.start(0));
    }
    return server.port() + ":" + server.password();
  }

  /** A handle on the JVM-wide server, started if needed; closing the handle leaves it running. */
  public static EmbeddedPostgresServer attach() {
    String[] portAndPassword = JvmWide.call(SharedPostgres.class, "coordinates").split(":", 2);
    return EmbeddedPostgresServer.attach(Integer.parseInt(portAndPassword[0]), portAndPassword[1]);
  }
}
