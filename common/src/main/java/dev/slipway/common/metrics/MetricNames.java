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

  /**
   * Tenants per lifecycle state (tag {@code state}: active, suspended, deleted, purged), refreshed
   * from the database like {@link #TENANTS_BY_PHASE}: use max. Purged counts purges whose objects
   * are not all removed yet.
   */
  public static final String TENANTS_BY_LIFECYCLE = "slipway.tenants.lifecycle";

  /** Purges queued, tagged {@code trigger}: sweep (grace period over) or manual. */
  public static final String TENANT_PURGES = "slipway.api.tenant.purges";

  /** CPU cores the fleet's pods request or may use, tagged {@code kind}: requested, limit. */
  public static final String CAPACITY_CPU_CORES = "slipway.capacity.cpu.cores";

  /** Memory bytes the fleet's pods request, tagged {@code kind}: requested. */
  public static final String CAPACITY_MEMORY_BYTES = "slipway.capacity.memory.bytes";

  /** Nodes of the configured type the fleet needs at least. */
  public static final String CAPACITY_NODES = "slipway.capacity.nodes";

  /** Estimated monthly cost of the platform in USD (nodes plus fixed costs). */
  public static final String CAPACITY_MONTHLY_COST = "slipway.capacity.monthly.cost";

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

  /** Rollouts per status (tag {@code status}), refreshed from the database: use max. */
  public static final String ROLLOUTS_BY_STATUS = "slipway.rollouts";

  /** Tenants of active rollouts per rollout state (tag {@code state}): use max. */
  public static final String ROLLOUT_TENANTS_BY_STATE = "slipway.rollout.tenants";

  /** Rollouts that halted (a wave over its failure budget); each is then rolled back. */
  public static final String ROLLOUTS_HALTED = "slipway.api.rollouts.halted";

  /** Histogram: a rollout wave from its first change to passing its gate (before the bake). */
  public static final String ROLLOUT_WAVE_DURATION = "slipway.api.rollout.wave.duration";

  // provisioner-worker
  public static final String COMMANDS_RECEIVED = "slipway.worker.commands.received";

  /**
   * Tagged with {@code type} (see {@link #TAG_TYPE}) and {@code outcome}: succeeded, already_done,
   * superseded, transient, permanent, invalid, forged.
   */
  public static final String COMMANDS_PROCESSED = "slipway.worker.commands.processed";

  public static final String COMMANDS_INVALID = "slipway.worker.commands.invalid";

  /**
   * Commands whose operation is not theirs (another tenant's, type or generation, or none): refused
   * and acknowledged without changing anything.
   */
  public static final String COMMANDS_FORGED = "slipway.worker.commands.forged";

  /** Histogram of one message's processing, tagged {@code type} and {@code outcome}. */
  public static final String COMMAND_DURATION = "slipway.worker.command.duration";

  /** Tagged with {@code kind} and {@code result}: created, patched, unchanged, deleted, absent. */
  public static final String APPLY_RESULTS = "slipway.worker.apply.results";

  public static final String POLL_ERRORS = "slipway.worker.poll.errors";
  public static final String STATUS_UPDATES = "slipway.worker.status.updates";

  /** Gauge: tenant Deployments whose status could not be written yet and waits for a retry. */
  public static final String STATUS_WRITES_PENDING = "slipway.worker.status.writes.pending";

  /** Histogram: from the operation being queued to the tenant reported Ready (RUNNING). */
  public static final String TENANT_READY_LATENCY = "slipway.worker.tenant.ready.latency";

  /**
   * Messages in a queue, from GetQueueAttributes; tagged {@code queue} (commands, dead-letter) and
   * {@code state} (visible, in_flight).
   */
  public static final String QUEUE_MESSAGES = "slipway.queue.messages";

  /** Commands being processed right now. */
  public static final String COMMANDS_IN_FLIGHT = "slipway.worker.commands.in.flight";

  /**
   * Messages received and not yet deleted or released (processing or waiting behind their tenant's
   * previous message); the worker stops receiving at {@code max-in-flight}.
   */
  public static final String MESSAGES_HELD = "slipway.worker.messages.held";

  /** Timer per object apply or delete (both API requests), tagged {@code kind}. */
  public static final String APPLY_DURATION = "slipway.worker.apply.duration";

  /** Transient failures sent back to the queue for a retry, tagged {@code type}. */
  public static final String COMMAND_RETRIES = "slipway.worker.command.retries";

  /** Timer per received message: SentTimestamp to receive (its max: the oldest seen lately). */
  public static final String MESSAGE_AGE = "slipway.worker.message.age";

  /** Seconds since the oldest message held by this worker was sent (0 when none is held). */
  public static final String OLDEST_HELD_MESSAGE_AGE = "slipway.worker.message.oldest.held.age";

  /**
   * Messages handed back unprocessed (visibility 0): at shutdown, or held behind a message of the
   * same tenant that went back for a retry.
   */
  public static final String MESSAGES_RELEASED = "slipway.worker.messages.released";

  // reconciler-job
  public static final String RECONCILE_PASSES = "slipway.reconciler.passes";
  public static final String RECONCILE_PASS_DURATION = "slipway.reconciler.pass.duration";
  public static final String RECONCILE_DB_TENANTS = "slipway.reconciler.db.tenants";
  public static final String RECONCILE_CLUSTER_DEPLOYMENTS =
      "slipway.reconciler.cluster.deployments";

  /**
   * Drift found by the last pass, tagged with {@code kind}: missing, spec, status (tenants), orphan
   * (objects), stuck (operations).
   */
  public static final String RECONCILE_DRIFT = "slipway.reconciler.drift";

  /** Repairs made, tagged with {@code kind}: reconcile (RECONCILE enqueued), status, prune. */
  public static final String RECONCILE_REPAIRS = "slipway.reconciler.repairs";

  /** Repairs left for a later pass by the per-pass budget or the repair back-off (last pass). */
  public static final String RECONCILE_REPAIRS_DEFERRED = "slipway.reconciler.repairs.deferred";

  /**
   * Tenants whose drift waits for their next repair (per-tenant repair back-off: a drift that is
   * back after a repair waits twice as long each time), as of the last pass.
   */
  public static final String RECONCILE_REPAIRS_BACKOFF = "slipway.reconciler.repairs.backoff";

  /** Repairs that failed (the pass went on). */
  public static final String RECONCILE_REPAIR_ERRORS = "slipway.reconciler.repair.errors";

  /**
   * Drifted tenants of the last pass left unrepaired because an admin froze them (gauge); their
   * drift is still counted in {@link #RECONCILE_DRIFT}.
   */
  public static final String RECONCILE_FROZEN_NOT_REPAIRED =
      "slipway.reconciler.frozen.not.repaired";

  /** Managed objects without a live tenant seen by the last pass (pruned only when enabled). */
  public static final String RECONCILE_ORPHANS = "slipway.reconciler.orphans";

  /**
   * Open operations of the last pass whose message was lost: published long enough ago while the
   * command queue held no message at all (a part of drift kind=stuck, re-enqueued at once).
   */
  public static final String RECONCILE_LOST_MESSAGES = "slipway.reconciler.lost.messages";

  /**
   * 1 when the last pass's orphan prune was refused because it would have removed more than {@code
   * max-prune-share} of the fleet (nothing was pruned; docs/runbooks.md), else 0.
   */
  public static final String RECONCILE_PRUNE_REFUSED = "slipway.reconciler.prune.refused";

  /** Kubernetes API requests of the last pass (LIST pages and prunes). */
  public static final String RECONCILE_API_CALLS = "slipway.reconciler.api.calls";

  /** Unix time in seconds of the end of the last successful pass (0 before the first). */
  public static final String RECONCILE_LAST_SUCCESS = "slipway.reconciler.last.success";

  // tags
  /**
   * Kubernetes requests the API server refused with 403 (RBAC), worker and reconciler: a Role that
   * no longer grants what the service needs. Never retried; see docs/runbooks.md.
   */
  public static final String KUBE_FORBIDDEN = "slipway.kube.forbidden";

  /**
   * Kubernetes answers of 429 Too Many Requests (API Priority and Fairness had no seat), worker and
   * reconciler: each one was retried after its Retry-After. A steady rate means the service's
   * priority level is too small for its load (docs/runbooks.md).
   */
  public static final String KUBE_THROTTLED = "slipway.kube.throttled";

  /**
   * Worker commands whose Kubernetes write ended without a known outcome (no answer, 500 or 504):
   * the write may still land, so the command's retry waits the in-doubt window (WorkerConfig) and
   * holds the tenant's message group until then.
   */
  public static final String KUBE_IN_DOUBT = "slipway.kube.in_doubt";

  public static final String TAG_OUTCOME = "outcome";
  public static final String TAG_PHASE = "phase";
  public static final String TAG_KIND = "kind";
  public static final String TAG_RESULT = "result";

  /** Lifecycle state of a tenant (active, suspended, deleted, purged). */
  public static final String TAG_STATE = "state";

  /** What queued a purge: sweep or manual. */
  public static final String TAG_TRIGGER = "trigger";

  /** Command type (create, start, stop, ...; unknown for unreadable messages). */
  public static final String TAG_TYPE = "type";

  // api-service: dead-letter operations (/v1/ops). DLQ depth is QUEUE_MESSAGES{queue=dead-letter}.

  /** Dead letters replayed, tagged {@code mode} (rederive, resend) and {@code outcome}. */
  public static final String DEAD_LETTERS_REPLAYED = "slipway.ops.dead.letters.replayed";

  /**
   * Dead letters a replay left in the DLQ, tagged {@code mode} and {@code outcome} (deleted,
   * superseded, not_found, unreadable).
   */
  public static final String DEAD_LETTERS_SKIPPED = "slipway.ops.dead.letters.skipped";

  /** Dead letters purged, tagged {@code mode} (purge) and {@code outcome}. */
  public static final String DEAD_LETTERS_PURGED = "slipway.ops.dead.letters.purged";

  /** Replay mode of an ops job (rederive, resend, purge). */
  public static final String TAG_MODE = "mode";

  private MetricNames() {}
}
