package dev.slipway.reconciler.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * All configuration of the reconciler-job, under {@code slipway.reconciler}. The tenant fleet it
 * compares against (namespaces, domain, image, ingress) is the shared {@link
 * dev.slipway.shared.fleet.FleetConfig}, the worker's own.
 */
@ConfigMapping(prefix = "slipway.reconciler")
public interface ReconcilerConfig {

  /**
   * Run one pass at startup and exit (exit code 0 on a completed pass or when another pass holds
   * the lock, 1 on failure): the mode of the Kubernetes CronJob. When false, passes repeat every
   * {@link #interval()} while the process serves health and metrics.
   */
  @WithDefault("false")
  boolean runOnce();

  /** Time between passes when not in run-once mode. */
  @WithDefault("60s")
  Duration interval();

  /** Time from startup to the first pass when not in run-once mode. */
  @WithDefault("5s")
  Duration initialDelay();

  /** Page size of LIST calls against the Kubernetes API and of database scans. */
  @WithDefault("500")
  int pageSize();

  /**
   * LIST streams a pass runs at once (one per namespace and kind at most), while the database is
   * scanned alongside. More overlap the API server's latency; each holds its pages in memory.
   */
  @WithDefault("4")
  int listParallelism();

  /**
   * How long one LIST page may keep waiting on 429 answers (API Priority and Fairness found no
   * seat; each wait the server's Retry-After) before the pass fails. The reconciler sets no
   * client-side rate limit: its calls grow with pages, and the server paces them.
   */
  @WithDefault("2m")
  Duration throttleMaxWait();

  /** Detect, classify and record only: no operation, status update or delete. */
  @WithDefault("false")
  boolean reportOnly();

  /**
   * Delete orphans (managed objects whose tenant is gone or deleted). Off: orphans are reported
   * only, because a wrong tenant row would otherwise take a customer's gateway down.
   */
  @WithDefault("false")
  boolean prune();

  /**
   * Largest share (0 to 1) of the tenants seen in a pass (database rows plus orphan owners) whose
   * objects one pass may prune. A prune above it is refused whole, counted in
   * slipway_reconciler_prune_refused_total and alerted (SlipwayPruneRefused): a wrong database
   * makes every tenant look orphaned. See {@link dev.slipway.reconciler.repair.PruneGuard}.
   */
  @WithDefault("0.10")
  double maxPruneShare();

  /**
   * Orphan owners one pass may always prune, whatever the share: small fleets still get cleaned.
   */
  @WithDefault("5")
  int pruneAlwaysAllowed();

  /**
   * Upper bound of RECONCILE operations enqueued plus orphans deleted in one pass, so a mass drift
   * (a wiped namespace, a wrong config) reaches the worker as a trickle, not a flood.
   */
  @WithDefault("100")
  int maxRepairsPerPass();

  /** An operation QUEUED or RUNNING for longer than this is stuck (its message was lost). */
  @WithDefault("15m")
  Duration stuckAfter();

  /**
   * Per-tenant repair back-off: drift on a tenant not repaired lately is repaired on the first pass
   * that sees it; a drift that is back after a repair waits twice as long each time (capped), so
   * drift the worker cannot fix (a webhook mutating objects, a crash-looping image) cannot make the
   * reconciler loop. Kept in the database (table repair_backoff), so it survives restarts.
   */
  RepairBackoff repairBackoff();

  interface RepairBackoff {
    /** Wait after the first repair before a drift that is back is repaired again. */
    @WithDefault("2m")
    Duration base();

    /** Upper bound of that wait (doubled after each repair in a row). */
    @WithDefault("1h")
    Duration max();

    /** A tenant with no repair for this long beyond its wait starts afresh (repaired at once). */
    @WithDefault("1h")
    Duration resetAfter();
  }

  /** A pod younger than this may still be starting: it is not yet taken as "no pod ready". */
  @WithDefault("2m")
  Duration statusGrace();

  /** A container restarted at least this many times counts as crash-looping. */
  @WithDefault("3")
  int restartThreshold();

  /** Key of the PostgreSQL advisory lock that keeps passes from overlapping. */
  @WithDefault("7265636f6e63696c")
  String lockKeyHex();

  /** Prometheus Pushgateway for run-once mode. */
  Pushgateway pushgateway();

  /** The command queue, read to find lost messages without waiting for {@link #stuckAfter()}. */
  Queue queue();

  /**
   * Lost messages. An open operation whose command was published while the queue now holds no
   * message at all (none visible, in flight or delayed) has lost its message: the queue lost its
   * data, or the command was dead-lettered. Such operations are re-enqueued on the pass that sees
   * it, instead of after {@link #stuckAfter()}, which remains the rule for every other case (a
   * queue that is never empty, no queue configured, the queue unreadable).
   */
  interface Queue {
    /**
     * URL of the command queue (the API's {@code slipway.api.queue-url}). Absent: the queue is not
     * read and only {@link #stuckAfter()} finds lost messages. Needs {@code
     * sqs:GetQueueAttributes}.
     */
    Optional<String> url();

    /**
     * Only commands published at least this long ago count as lost in an empty queue. SQS's
     * approximate counts settle within about a minute after a send; a younger command might still
     * be missing from them. Taking a waiting command for lost costs one RECONCILE, never a change.
     */
    @WithDefault("2m")
    Duration lostAfter();
  }

  /**
   * Where run-once passes push their metrics. Required in run-once mode (the CronJob): its process
   * is gone before Prometheus could scrape it, so without a push the pass alerts never fire.
   */
  interface Pushgateway {
    /**
     * Base URL, e.g. {@code http://pushgateway.monitoring:9091}. Absent: nothing is pushed, which
     * only a long-running reconciler (scraped on its own port) may do; run-once refuses to start.
     */
    Optional<URI> url();

    /** Pushgateway job label. */
    @WithDefault("slipway-reconciler")
    String job();
  }

  default long lockKey() {
    return Long.parseUnsignedLong(lockKeyHex(), 16);
  }
}
