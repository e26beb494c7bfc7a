package dev.slipway.reconciler.diff;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * A managed object no live tenant owns: its tenant is gone or deleted, or it lies in a namespace
 * other than the one recorded on its tenant's row (namespace sharding: a tenant never moves, so
 * such a copy is left over from a hand edit or a restore, and its live objects are elsewhere).
 *
 * @param tenantId its tenant-id label, or null when it has none
 */
public record Orphan(String tenantId, HasMetadata object) {

  @Override
  public String toString() {
    return object.getKind()
        + "/"
        + object.getMetadata().getNamespace()
        + "/"
        + object.getMetadata().getName();
  }
}
