package dev.slipway.api.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Dead-letter operations under {@code /v1/ops}: {@code slipway.api.ops.*}. */
public interface OpsConfig {
  /**
   * URL of the command queue's dead-letter queue. Unset: the dead-letter endpoints answer 503 (the
   * audit and job endpoints still work).
   */
  Optional<String> dlqUrl();

  /**
   * How long a scan holds the messages it received before releasing them. A FIFO queue delivers
   * nothing more of a message group while one of its messages is held, so a scan holds all it got
   * until it has seen everything reachable; this bounds how long a crashed scan hides them.
   */
  @WithDefault("30s")
  Duration scanVisibility();

  /**
   * Long-poll wait of each receive of a listing or dry run, and of the one receive that confirms
   * the end of a job's pass when the DLQ still reports visible messages (a job otherwise short
   * polls); 1 s or more makes SQS ask all its servers.
   */
  @WithDefault("1s")
  Duration receiveWait();

  /**
   * Most messages a listing or a dry run looks at, and most a job's pass holds without handling
   * them (those its filter skips, kept invisible until the pass ends). What a job handles leaves
   * the DLQ and does not count, so a job may handle more than this ({@code maxCount}).
   */
  @WithDefault("1000")
  int maxScan();

  /** Messages per second a replay processes when the request names no rate. */
  @WithDefault("5")
  double defaultRate();

  /**
   * Highest rate a replay may ask for, in messages per second. A guard for ops, not the job's limit
   * (about 100 to 150 per second measured, benchmark P6): replayed commands reach tenants only as
   * fast as the worker applies them, so a higher rate empties the DLQ sooner without making tenants
   * recover sooner, while its commands crowd the worker's queue ahead of fresh ones.
   */
  @WithDefault("50")
  double maxRate();

  /** Most messages one job handles when the request names no {@code maxCount}. */
  @WithDefault("1000")
  int defaultMaxCount();

  /** Jobs run at once in one API process; more wait for a free thread. */
  @WithDefault("2")
  int jobThreads();

  /**
   * A RUNNING job whose heartbeat is older than this is taken as orphaned (its process died) and
   * resumed by the next sweep of any API process. Keep well above one message at the slowest rate
   * (10 s at the minimum 0.1/s) plus a scan receive.
   */
  @WithDefault("2m")
  Duration jobStaleAfter();

  /** How often each API process looks for orphaned jobs to resume. */
  @WithDefault("30s")
  Duration jobSweepInterval();

  /** How often the dead-letter queue depth gauge is refreshed. */
  @WithDefault("30s")
  Duration depthMetricsInterval();
}
