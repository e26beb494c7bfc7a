package dev.slipway.local.sqs;

import dev.slipway.local.jvm.JvmWide;

/**
 * The one ElasticMQ of a JVM, shared by every test class (see {@link JvmWide} for why it lives in
 * the system class loader). Public for that reason.
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
      server = JvmWide.start(SharedElasticMq.class, () -> ElasticMqServer.start(0));
    }
    return server.endpoint();
  }

  /** A handle on the JVM-wide server, started if needed; closing the handle leaves it running. */
  public static ElasticMqServer attach() {
    return ElasticMqServer.attach(JvmWide.call(SharedElasticMq.class, "endpoint"));
  }
}
