package dev.slipway.common.model;

import java.util.Objects;
import java.util.UUID;

/**
 * A tenant's desired state as stored in PostgreSQL: everything the renderer needs to build the
 * tenant's Kubernetes objects.
 *
 * @param id stable tenant id (the SQS message group)
 * @param slug DNS-1123 label naming every object of the tenant
 * @param generation bumped on every change of desired state
 * @param desiredState what the cluster should converge on
 * @param replicas replicas while RUNNING (0 while STOPPED is derived, not stored here)
 * @param gatewayToken the gateway token fed to the pod through the tenant Secret; never logged
 */
public record TenantSpec(
    UUID id,
    String slug,
    long generation,
    DesiredState desiredState,
    int replicas,
    String gatewayToken) {

  public TenantSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(desiredState, "desiredState");
    Objects.requireNonNull(gatewayToken, "gatewayToken");
    if (replicas < 0) {
      throw new IllegalArgumentException("replicas must be >= 0");
    }
  }

  /** Replicas the Deployment should have right now. */
  public int effectiveReplicas() {
    return desiredState == DesiredState.RUNNING ? replicas : 0;
  }

  @Override
  public String toString() {
    // The token is a secret: keep it out of logs and exception messages.
    return "TenantSpec[id=%s, slug=%s, generation=%d, desiredState=%s, replicas=%d]"
        .formatted(id, slug, generation, desiredState, replicas);
  }
}
