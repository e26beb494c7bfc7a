package dev.slipway.api.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** All configuration of the api-service, under {@code slipway.api}. */
@ConfigMapping(prefix = "slipway.api")
public interface ApiConfig {

  /** URL of the SQS FIFO command queue the outbox relay publishes to. */
  String queueUrl();

  /** DNS domain under which tenant gateways are served: {@code wss://{slug}.{domain}}. */
  @WithDefault("example.com")
  String domain();

  /**
   * Slugs no tenant may take: they would shadow host names the platform itself serves under the
   * tenant domain. Compared case-insensitively.
   */
  @WithDefault(
      "api,www,admin,app,auth,login,mail,smtp,ftp,status,docs,help,ops,grafana,prometheus,slipway")
  java.util.List<String> reservedSlugs();

  /** How often the tenants-per-phase gauges are refreshed from the database. */
  @WithDefault("30s")
  java.time.Duration phaseMetricsInterval();

  /** Largest request body accepted, in bytes; larger ones answer 413 before being read. */
  @WithDefault("65536")
  long maxBodyBytes();

  /** Replicas a tenant runs with while started (plans come later). */
  @WithDefault("1")
  int defaultReplicas();

  /** The outbox relay that publishes committed commands to the queue. */
  Outbox outbox();

  /** Idempotency-Key handling of mutating requests. */
  Idempotency idempotency();

  interface Idempotency {
    /** How long a key and its stored response are kept; clients may retry within it. */
    @WithDefault("24h")
    Duration retention();

    /** How often expired keys are deleted. */
    @WithDefault("1h")
    Duration cleanupInterval();
  }

  interface Outbox {
    /** Run the relay in this process. Turn off only for API replicas that must never publish. */
    @WithDefault("true")
    boolean enabled();

    /**
     * How often the relay looks for pending rows when nothing woke it. Commands written by this
     * process wake it at once; the poll picks up rows written by other replicas or left by a crash.
     */
    @WithDefault("500ms")
    Duration pollInterval();

    /** Rows claimed per relay transaction (sent in SQS batches of 10). */
    @WithDefault("100")
    int batchSize();

    /** Upper bound of the back-off after consecutive publish failures (queue unreachable). */
    @WithDefault("10s")
    Duration maxBackoff();

    /**
     * Wake the relay on PostgreSQL notifications (LISTEN slipway_outbox, sent by a trigger on every
     * outbox insert) so rows written by other replicas go out at once. Holds one JDBC connection.
     * Turn off where LISTEN cannot work (a PgBouncer in transaction mode): the poll then carries.
     */
    @WithDefault("true")
    boolean listen();

    /** Sent rows older than this are deleted. Keep it above the 5-minute SQS dedup window. */
    @WithDefault("7d")
    Duration retention();

    /** How often sent rows past the retention are deleted (every replica; deletes skip locks). */
    @WithDefault("5m")
    Duration cleanupInterval();

    /** Rows deleted per cleanup statement, bounding each transaction and its locks. */
    @WithDefault("1000")
    int cleanupBatchSize();

    /** How often the pending count and the oldest pending age (gauges) are refreshed. */
    @WithDefault("10s")
    Duration statsInterval();
  }
}
