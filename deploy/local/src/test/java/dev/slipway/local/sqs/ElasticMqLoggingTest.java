package dev.slipway.local.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.LogContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ElasticMQ logs through slf4j, which slf4j-jboss-logmanager routes to JBoss LogManager, as in a
 * Quarkus JVM. Capture every record reaching its loggers (whichever JUL LogManager is installed).
 */
class ElasticMqLoggingTest {

  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private final Logger pekko = LogContext.getLogContext().getLogger("org.apache.pekko");
  private final Logger elasticMq = LogContext.getLogContext().getLogger("org.elasticmq");

  @BeforeEach
  void listen() {
    for (Logger logger : List.of(pekko, elasticMq)) {
      logger.setLevel(Level.ALL); // let everything through, so the Pekko filter is what is tested
      logger.addHandler(capture);
    }
  }

  @AfterEach
  void stopListening() {
    for (Logger logger : List.of(pekko, elasticMq)) {
      logger.removeHandler(capture);
      logger.setLevel(null);
    }
  }

  @Test
  void pekkoPublishesNothingBelowInfoAndElasticMqLogsReachJul() {
    try (ElasticMqServer server = ElasticMqServer.start(0)) {
      server.createCommandQueues("logging-check", 2, Duration.ofSeconds(5), Duration.ZERO);
      server.client().listQueues();
    }
    List<LogRecord> pekkoDebug =
        records.stream()
            .filter(r -> r.getLoggerName().startsWith("org.apache.pekko"))
            .filter(r -> r.getLevel().intValue() < Level.INFO.intValue())
            .toList();
    assertEquals(List.of(), pekkoDebug.stream().map(LogRecord::getMessage).toList());
    assertTrue(
        records.stream().anyMatch(r -> r.getLoggerName().startsWith("org.elasticmq")),
        "slf4j should be bridged to JBoss LogManager; got no ElasticMQ records at all");
    records.forEach(
        r ->
            System.out.printf(
                "captured %s %s: %s%n", r.getLevel(), r.getLoggerName(), r.getMessage()));
  }
}
