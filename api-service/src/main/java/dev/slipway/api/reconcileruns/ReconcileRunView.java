package dev.slipway.api.reconcileruns;

import dev.slipway.api.reconcileruns.ReconcileRunRepository.RunRow;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A reconcile pass as ops see it. {@code drift} counts tenants per class (orphans: objects; stuck:
 * operations); {@code repairs} says what the pass changed.
 */
public record ReconcileRunView(
    UUID id,
    OffsetDateTime startedAt,
    OffsetDateTime finishedAt,
    String mode,
    String outcome,
    int tenantsScanned,
    int objectsScanned,
    int apiCalls,
    Drift drift,
    Repairs repairs,
    int errors,
    String error) {

  public record Drift(int missing, int spec, int status, int stuck, int orphan) {}

  /**
   * @param frozenSkipped drifted tenants left unrepaired because an admin froze them (migration
   *     V14)
   */
  public record Repairs(
      int enqueued, int statusUpdates, int orphansPruned, int deferred, int frozenSkipped) {}

  static ReconcileRunView of(RunRow r) {
    return new ReconcileRunView(
        r.id(),
        r.startedAt(),
        r.finishedAt(),
        r.mode(),
        r.outcome(),
        r.tenantsScanned(),
        r.objectsScanned(),
        r.apiCalls(),
        new Drift(r.missing(), r.specDrift(), r.statusDrift(), r.stuck(), r.orphans()),
        new Repairs(
            r.repairsEnqueued(),
            r.statusUpdates(),
            r.orphansPruned(),
            r.deferred(),
            r.frozenSkipped()),
        r.errors(),
        r.error());
  }
}
