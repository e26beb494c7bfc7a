package dev.slipway.local.postgres;

import java.lang.reflect.InvocationTargetException;

/**
 * The one embedded PostgreSQL of a JVM, shared by every test class.
 *
 * <p>Quarkus loads test resources in a new class loader per test application (each profile or
 * resource set), so a plain static field would start one server per application. The server is
 * therefore owned by this class as loaded by the system class loader, which lives as long as the
 * JVM; other loaders reach it by reflection and exchange only strings. Public for that reason.
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
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      // Threads started now inherit the context loader: keep a test application's out of them.
      thread.setContextClassLoader(SharedPostgres.class.getClassLoader());
      try {
        server = EmbeddedPostgresServer.start(0);
      } finally {
        thread.setContextClassLoader(previous);
      }
      EmbeddedPostgresServer stopping = server;
      Runtime.getRuntime().addShutdownHook(new Thread(stopping::close, "slipway-postgres-stop"));
    }
    return server.port() + ":" + server.password();
  }

  /** A handle on the JVM-wide server, started if needed; closing the handle leaves it running. */
  public static EmbeddedPostgresServer attach() {
    String[] portAndPassword = ((String) invokeOnWidestLoader("coordinates")).split(":", 2);
    return EmbeddedPostgresServer.attach(Integer.parseInt(portAndPassword[0]), portAndPassword[1]);
  }

  private static Object invokeOnWidestLoader(String method) {
    Class<?> owner;
    try {
      owner =
          Class.forName(SharedPostgres.class.getName(), true, ClassLoader.getSystemClassLoader());
    } catch (ClassNotFoundException e) {
      owner = SharedPostgres.class; // not on the system class path: our loader is the widest
    }
    try {
      return owner.getMethod(method).invoke(null);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot reach " + owner + " in " + owner.getClassLoader(), e);
    }
  }
}
