package dev.slipway.local.sqs;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.ActorSystem;

/**
 * Builds the Pekko actor system ElasticMQ runs on, with configuration we own.
 *
 * <p>ElasticMQ's jar ships an {@code application.conf} that sets Pekko to DEBUG, and Typesafe
 * Config's default loading would also parse a Quarkus service's {@code application.properties} from
 * the classpath. So the config is built from {@code reference.conf} files, the settings below and
 * {@code -D} system properties only.
 */
final class ElasticMqActorSystem {

  static final String SETTINGS =
      String.join(
          "\n",
          "pekko {",
          // slf4j is bridged to JBoss LogManager in Quarkus JVMs; INFO keeps per-request noise out.
          "  loggers = [\"org.apache.pekko.event.slf4j.Slf4jLogger\"]",
          "  logging-filter = \"org.apache.pekko.event.slf4j.Slf4jLoggingFilter\"",
          "  loglevel = INFO",
          "  stdout-loglevel = WARNING",
          "  log-dead-letters = off",
          "  log-dead-letters-during-shutdown = off",
          // Daemon threads and no Pekko JVM hooks: a forgotten close() never blocks JVM exit, and
          // shutdown order stays with our own hooks.
          "  daemonic = on",
          "  jvm-shutdown-hooks = off",
          "  coordinated-shutdown.run-by-jvm-shutdown-hook = off",
          // Kept from ElasticMQ's application.conf: a 20 s long poll needs a longer request
          // timeout.
          "  http.server.request-timeout = 21 s",
          "  http.server.parsing.illegal-header-warnings = off",
          "  http.server.parsing.max-uri-length = 256k",
          "}",
          "");

  private ElasticMqActorSystem() {}

  static ActorSystem create(String name) {
    ClassLoader loader = ElasticMqActorSystem.class.getClassLoader();
    return ActorSystem.create(name, config(loader), loader);
  }

  static Config config(ClassLoader loader) {
    return ConfigFactory.defaultOverrides(loader)
        .withFallback(ConfigFactory.parseString(SETTINGS))
        .withFallback(ConfigFactory.defaultReference(loader))
        .resolve();
  }
}
