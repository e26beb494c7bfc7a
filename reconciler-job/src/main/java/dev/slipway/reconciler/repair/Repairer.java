package dev.slipway.reconciler.repair;

import dev.slipway.common.metrics.MetricNames;
import dev.slipway.common.retry.RepairBackoff;
import dev.slipway.reconciler.config.ReconcilerConfig;
import dev.slipway.reconciler.diff.DriftReport;
import dev.slipway.reconciler.diff.Orphan;
import dev.slipway.reconciler.diff.TenantDrift;
import dev.slipway.reconciler.scan.OpenOperation;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * Carries out the repairs of one pass, most urgent first: stuck operations (their tenant waits for
 * a lost command), then tenants (missing before spec drift, in the report's order), then orphans. A
 * tenant's stuck operations are superseded together and replaced by at most one RECONCILE, and by
 * none while a younger operation of the tenant is still queued (its command converges the tenant):
 * a backlog older than stuck-after must not grow by a command per stuck operation every pass.
 * RECONCILE operations and deletes share the per-pass budget; status corrections are single-row
 * updates and always made. A drift repair waits for the tenant's repair back-off ({@link
 * TenantBackoffs}: at once the first time, twice as long each time the drift is back). A failing
 * repair is counted and the pass goes on. A frozen tenant's drift is reported and counted, never
 * repaired by a RECONCILE (its observed status is still recorded: that changes nothing in the
 * cluster).
 */
@ApplicationScoped
public class Repairer {
  private static final Logger LOG = Logger.getLogger(Repairer.class);
  private final RepairStore store;
  private final OrphanPruner pruner;
  private final PruneGuard guard;
  private final RepairTracing tracing;
  private final RepairBackoffStore backoffStore;

  /** Tenants waiting for their next repair after the last pass (the back-off gauge). */
  private final AtomicInteger waiting = new AtomicInteger();

  /** 1 when the last pass's prune was refused, else 0: a gauge holds in both run modes. */
  private final AtomicInteger pruneRefused = new AtomicInteger();

  Repairer(
      RepairStore store,
      OrphanPruner pruner,
      RepairBackoffStore backoffStore,
      ReconcilerConfig config,
      MeterRegistry registry,
      RepairTracing tracing) {
    this.tracing = tracing;
    this.store = store;
    this.pruner = pruner;
    this.backoffStore = backoffStore;
    registry.gauge(MetricNames.RECONCILE_REPAIRS_BACKOFF, waiting);
    this.guard = new PruneGuard(config.maxPruneShare(), config.pruneAlwaysAllowed());
    registry.gauge(MetricNames.RECONCILE_PRUNE_REFUSED, pruneRefused);
  }

  /**
   * @param deletedOwners tenants whose row says DELETED among the orphans' owners: a late write (an
   *     apply that reached the API server after the delete) left objects behind; they get a
   *     RECONCILE, whose worker removes them, whether or not orphans are pruned
   */
  public RepairSummary repair(
      DriftReport report, PassMode mode, Instant now, Set<String> deletedOwners) {
    pruneRefused.set(0);
    if (mode.reportOnly()) {
      waiting.set(backoffStore.load(now, false).waiting());
      return RepairSummary.NONE;
    }
    TenantBackoffs backoffs = backoffStore.load(now, true);
    var tally = new Tally(mode.maxRepairs(), tracing, tracing.pass());
    report.stuckByTenant().forEach((tenantId, ops) -> replaceStuck(report, ops, tally));
    for (TenantDrift drift : report.drifts()) {
      repair(drift, backoffs, tally);
    }
    for (String tenantId : deletedOwners) {
      repairAfterBackoff(
          UUID.fromString(tenantId),
          backoffs,
          tally,
          "enqueue RECONCILE for deleted tenant %s: objects left behind",
          tenantId);
    }
    if (mode.prune()) {
      prune(report, deletedOwners, tally);
    }
    waiting.set(backoffs.waiting());
    return tally.summary();
  }

  private void prune(DriftReport report, Set<String> deletedOwners, Tally tally) {
    // A deleted tenant's leftovers are removed by the RECONCILE above, not pruned.
    List<Orphan> orphans =
        report.orphans().stream().filter(o -> !deletedOwners.contains(o.tenantId())).toList();
    var refusal = guard.refusal(report.dbTenants(), orphans);
    if (refusal.isPresent()) {
      pruneRefused.set(1);
      LOG.errorf("prune refused, nothing pruned: %s", refusal.get());
      return;
    }
    for (Orphan orphan : orphans) {
      tally.apiCalls += 2;
      tally.budgeted(
          true,
          () -> pruner.delete(orphan.object()),
          "prune orphan %s of tenant %s",
          orphan,
          orphan.tenantId());
    }
  }

  private void replaceStuck(DriftReport report, List<OpenOperation> ops, Tally tally) {
    OpenOperation first = ops.get(0);
    var stuck = ops.stream().map(op -> op.type() + " " + op.id()).toList();
    if (report.progressing().contains(first.tenantId())) {
      // Superseding alone sends no command: outside the budget, like a status update.
      tally.run(
          () -> store.replaceStuck(ops, false).superseded() > 0,
          "supersede stuck %s of tenant %s (%s), a younger operation is queued",
          new Object[] {stuck, first.tenantId(), first.slug()});
      return;
    }
    tally.budgeted(
        false,
        () -> store.replaceStuck(ops, true).reconcile().isPresent(),
        "re-enqueue stuck %s of tenant %s (%s)",
        stuck,
        first.tenantId(),
        first.slug());
  }

  private void repair(TenantDrift drift, TenantBackoffs backoffs, Tally tally) {
    var tenant = drift.tenant();
    if (drift.statusFix() != null) {
      tally.unbudgeted(
          () -> store.recordStatus(tenant, drift.statusFix()),
          "record phase %s (%s) for tenant %s (%s)",
          drift.statusFix().target(),
          drift.statusFix().reason(),
          tenant.id(),
          tenant.slug());
    }
    if (drift.needsReconcile() && tenant.frozen()) {
      // An admin froze the tenant (POST /v1/tenants/{slug}/freeze): hands off, report only.
      tally.frozen++;
      LOG.warnf(
          "tenant %s (%s) is frozen: drift %s reported, no RECONCILE enqueued",
          tenant.id(), tenant.slug(), drift.reasons());
      return;
    }
    if (drift.needsReconcile()) {
      repairAfterBackoff(
          tenant.spec().id(),
          backoffs,
          tally,
          "enqueue RECONCILE for tenant %s (%s): %s",
          tenant.id(),
          tenant.slug(),
          drift.reasons());
    }
  }

  /** A RECONCILE within the budget, unless the tenant's back-off says a later pass. */
  private void repairAfterBackoff(
      UUID tenantId, TenantBackoffs backoffs, Tally tally, String what, Object... args) {
    if (!backoffs.mayRepair(tenantId)) {
      // Repaired lately and the drift is back or still there: a later pass retries.
      tally.deferred++;
      return;
    }
    RepairBackoff.State next = backoffs.afterRepair(tenantId);
    tally.budgeted(
        false,
        () -> {
          boolean queued = store.enqueueRepair(tenantId, next).isPresent();
          if (queued) {
            backoffs.repaired(tenantId, next);
          }
          return queued;
        },
        what,
        args);
  }

  /** Counts of one pass's repairs and the budget left. */
  private static final class Tally {
    private int budget;
    private int enqueued;
    private int pruned;
    private int statusUpdates;
    private int deferred;
    private int errors;
    private int apiCalls;
    private int frozen;
    private final RepairTracing tracing;
    private final SpanContext pass;

    Tally(int budget, RepairTracing tracing, SpanContext pass) {
      this.budget = budget;
      this.tracing = tracing;
      this.pass = pass;
    }

    void budgeted(boolean prune, BooleanSupplier action, String what, Object... args) {
      if (budget <= 0) {
        deferred++;
        return;
      }
      budget--;
      if (run(action, what, args)) {
        if (prune) {
          pruned++;
        } else {
          enqueued++;
        }
      }
    }

    void unbudgeted(BooleanSupplier action, String what, Object... args) {
      if (run(action, what, args)) {
        statusUpdates++;
      }
    }

    private boolean run(BooleanSupplier action, String what, Object[] args) {
      try {
        boolean done = tracing.run(pass, String.format(what, args), action);
        LOG.infof(
            "%s: %s",
            String.format(what, args), done ? "done" : "nothing to do (changed meanwhile)");
        return done;
      } catch (RuntimeException e) {
        errors++;
        LOG.warnf("%s failed: %s", String.format(what, args), e.getMessage());
        return false;
      }
    }

    RepairSummary summary() {
      return new RepairSummary(enqueued, statusUpdates, pruned, deferred, errors, apiCalls, frozen);
    }
  }
}
