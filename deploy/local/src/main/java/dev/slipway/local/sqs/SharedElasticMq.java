package dev.slipway.local.sqs;

import java.lang.reflect.InvocationTargetException;

/**
 * The one ElasticMQ of a JVM, shared by every test class.
 *
 * <p>Quarkus loads test resources in a new class loader per test application (each profile or
 * resource set), so a plain static field would start one server per application, each holding
 * threads of a class loader Quarkus closes afterwards. The server is therefore owned by this class
 * as loaded by the system class loader, which lives as long as the JVM; other loaders reach it by
 * reflection and exchange only its endpoint. Public for that reason.
 */
public final class SharedElasticMq {

  private static ElasticMqServer server;

  private SharedElasticMq() {}

  /**
   * Starts the server on first call and returns its endpoint. Call {@link #attach()} instead: this
   * runs in whichever copy of the class it is invoked on.
   */
  public static synchronized String endpoint() {
    if (server == null) {
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      // Pekko's threads inherit the context loader: keep a test application's out of them.
      thread.setContextClassLoader(SharedElasticMq.class.getClassLoader());
      try {
        server = ElasticMqServer.start(0);
      } finally {
        thread.setContextClassLoader(previous);
      }
      ElasticMqServer stopping = server;
      Runtime.getRuntime().addShutdownHook(new Thread(stopping::close, "slipway-elasticmq-stop"));
    }
    return server.endpoint();
  }

  /** A handle on the JVM-wide server, started if needed; closing the handle leaves it running. */
  public static ElasticMqServer attach() {
    return ElasticMqServer.attach((String) invokeOnWidestLoader("endpoint"));
  }

  private static Object invokeOnWidestLoader(String method) {
    Class<?> owner;
    try {
      owner =
          Class.forName(SharedElasticMq.class.getName(), true, ClassLoader.getSystemClassLoader());
    } catch (ClassNotFoundException e) {
      owner = SharedElasticMq.class; // not on the system class path: our loader is the widest
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
