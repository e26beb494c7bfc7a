package dev.slipway.reconciler.run;

import dev.slipway.reconciler.diff.DriftReport;
import dev.slipway.reconciler.repair.PassMode;
import dev.slipway.reconciler.repair.RepairSummary;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The log of a pass: one summary line, then one line per drifted tenant, orphan and stuck operation
 * (bounded, so a mass drift does not flood the log). Names and ids only, no values.
 */
final class PassLog {
  private static final Logger LOG = Logger.getLogger(PassLog.class);
  private static final int DETAIL_LINES = 50;

  private PassLog() {}

  static void summary(
      UUID runId, PassMode mode, DriftReport report, RepairSummary repairs, int apiCalls) {
    var counts = report.counts();
    LOG.infof(
        "reconcile pass %s (%s): %d tenants, %d objects, %d API calls; drift %s"
            + " (%d lost messages); %d busy tenants skipped; %d RECONCILE enqueued,"
            + " %d status updates, %d pruned, %d deferred, %d errors, %d frozen tenants not repaired",
        runId,
        mode.label(),
        report.dbTenants(),
        report.clusterObjects(),
        apiCalls,
        counts.entrySet().stream()
            .map(e -> e.getKey().tag() + "=" + e.getValue())
            .collect(Collectors.joining(", ")),
        report.lost(),
        report.busyTenants(),
        repairs.enqueued(),
        repairs.statusUpdates(),
        repairs.pruned(),
        repairs.deferred(),
        repairs.errors(),
        repairs.frozen());
    details(report);
  }

  private static void details(DriftReport report) {
    report.drifts().stream().limit(DETAIL_LINES).forEach(d -> LOG.infof("drift: tenant %s", d));
    report.orphans().stream()
        .limit(DETAIL_LINES)
        .forEach(o -> LOG.infof("orphan: %s (tenant-id %s)", o, o.tenantId()));
    report.stuck().stream()
        .limit(DETAIL_LINES)
        .forEach(
            op ->
                LOG.infof(
                    "stuck: %s operation %s of tenant %s (%s), %s since %s",
                    op.type(), op.id(), op.tenantId(), op.slug(), op.status(), op.since()));
    more("drifted tenants", report.drifts());
    more("orphans", report.orphans());
  }

  private static void more(String what, List<?> items) {
    if (items.size() > DETAIL_LINES) {
      LOG.infof("... and %d more %s", items.size() - DETAIL_LINES, what);
    }
  }
}
