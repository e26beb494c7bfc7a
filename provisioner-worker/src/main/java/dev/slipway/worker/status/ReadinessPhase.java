package dev.slipway.worker.status;

import dev.slipway.common.model.Phase;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** Pure mapping from a tenant Deployment's spec and status to the tenant's observed phase. */
public final class ReadinessPhase {
  private ReadinessPhase() {}

  /**
   * A started tenant is RUNNING once one replica is ready (its gateway serves), PROVISIONING
   * before. A stopped tenant is STOPPED once no replica is left, PROVISIONING while pods wind down.
   */
  public static Phase of(int specReplicas, int readyReplicas, int currentReplicas) {
    if (specReplicas > 0) {
      return readyReplicas >= 1 ? Phase.RUNNING : Phase.PROVISIONING;
    }
    return readyReplicas == 0 && currentReplicas == 0 ? Phase.STOPPED : Phase.PROVISIONING;
  }

  public static Phase of(Deployment deployment) {
    return of(specReplicas(deployment), readyReplicas(deployment), currentReplicas(deployment));
  }

  public static int readyReplicas(Deployment d) {
    return d.getStatus() == null || d.getStatus().getReadyReplicas() == null
        ? 0
        : d.getStatus().getReadyReplicas();
  }

  private static int specReplicas(Deployment d) {
    return d.getSpec() == null || d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
  }

  private static int currentReplicas(Deployment d) {
    return d.getStatus() == null || d.getStatus().getReplicas() == null
        ? 0
        : d.getStatus().getReplicas();
  }
}
