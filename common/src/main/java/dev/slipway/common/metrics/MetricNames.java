package dev.slipway.common.metrics;

/**
 * Every metric Slipway publishes, in one place. Dashboards and alert rules under deploy/ use only
 * these names (Micrometer's Prometheus registry turns dots into underscores and appends _total /
 * _seconds suffixes).
 */
public final class MetricNames {
  // api-service
  public static final String TENANTS_CREATED = "slipway.api.tenants.created";

  /** Tenants per observed phase (tag {@code phase}); the same on every API replica: use max. */
  public static final String TENANTS_BY_PHASE = "slipway.tenants";

  public static final String OUTBOX_PENDING = "slipway.outbox.pending";
  public static final String OUTBOX_PUBLISHED = "slipway.outbox.published";
  public static final String OUTBOX_PUBLISH_FAILURES = "slipway.outbox.publish.failures";
  public static final String OUTBOX_PUBLISH_LATENCY = "slipway.outbox.publish.latency";

  /** Seconds since the oldest unsent outbox row was written (0 when none): the relay's lag. */
  public static final String OUTBOX_OLDEST_PENDING_AGE = "slipway.outbox.oldest.pending.age";

  /** Per row, from its insert to SQS accepting it (commit-to-queue delay). */
  public static final String OUTBOX_PUBLISH_DELAY = "slipway.outbox.publish.delay";

  /** Sent rows deleted after the retention. */
  public static final String OUTBOX_CLEANED = "slipway.outbox.cleaned";

  // provisioner-worker
  public static final String COMMANDS_RECEIVED = "slipway.worker.commands.received";

  /** Tagged with {@code outcome}: succeeded, already_done, superseded, transient, permanent. */
  public static final String COMMANDS_PROCESSED = "slipway.worker.commands.processed";

  public static final String COMMANDS_INVALID = "slipway.worker.commands.invalid";
  public static final String COMMAND_DURATION = "slipway.worker.command.duration";

  /** Tagged with {@code kind} and {@code result}: created, patched, unchanged, deleted, absent. */
  public static final String APPLY_RESULTS = "slipway.worker.apply.results";

  public static final String POLL_ERRORS = "slipway.worker.poll.errors";
  public static final String STATUS_UPDATES = "slipway.worker.status.updates";

  /** Histogram: from the operation being queued to the tenant reported Ready (RUNNING). */
  public static final String TENANT_READY_LATENCY = "slipway.worker.tenant.ready.latency";

  /**
   * Messages in a queue, from GetQueueAttributes; tagged {@code queue} (commands, dead-letter) and
   * {@code state} (visible, in_flight).
   */
  public static final String QUEUE_MESSAGES = "slipway.queue.messages";

  /** Commands being processed right now. */
  public static final String COMMANDS_IN_FLIGHT = "slipway.worker.commands.in.flight";

  // reconciler-job
  public static final String RECONCILE_PASSES = "slipway.reconciler.passes";
  public static final String RECONCILE_PASS_DURATION = "slipway.reconciler.pass.duration";
  public static final String RECONCILE_DB_TENANTS = "slipway.reconciler.db.tenants";
  public static final String RECONCILE_CLUSTER_DEPLOYMENTS =
      "slipway.reconciler.cluster.deployments";

  /** Tagged with {@code kind}: missing, orphan. */
  public static final String RECONCILE_DRIFT = "slipway.reconciler.drift";

  // tags
  public static final String TAG_OUTCOME = "outcome";
  public static final String TAG_PHASE = "phase";
  public static final String TAG_KIND = "kind";
  public static final String TAG_RESULT = "result";

  private MetricNames() {}
}
