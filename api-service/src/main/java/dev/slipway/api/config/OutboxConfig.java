package dev.slipway.api.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The outbox relay: {@code slipway.api.outbox.*}. */
public interface OutboxConfig {
  /** Run the relay in this process. Turn off only for API replicas that must never publish. */
  @WithDefault("true")
  boolean enabled();

  /**
   * How often the relay looks for pending rows when nothing woke it. Commands written by this
   * process wake it at once; the poll picks up rows written by other replicas or left by a crash.
   */
  @WithDefault("500ms")
  Duration pollInterval();

  /**
   * How long the relay waits after a commit woke it before it claims rows, so that one round
   * carries the commands of that window (SQS batches of up to 10) instead of one round per commit.
   * Only while busy (the last round found more than one row); adds at most this much to a command's
   * publish delay then; 0 publishes each commit at once.
   */
  @WithDefault("5ms")
  Duration linger();

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
