package dev.slipway.reconciler.diff;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * A managed object no live tenant owns.
 *
 * @param tenantId its tenant-id label, or null when it has none
 */
public record Orphan(String tenantId, HasMetadata object) {

  @Override
  public String toString() {
    return object.getKind() + "/" + object.getMetadata().getName();
  }
}
