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
 * @param sizing replicas, resources and autoscaling, copied from the tenant's plan
 * @param imageVersion gateway image tag pinned for this tenant, or {@code null} for the platform's
 * @param gatewayConfig capacity and rate limits handed to the gateway
 * @param gatewayToken the gateway token fed to the pod through the tenant Secret; never logged
 * @param namespace the namespace holding the tenant's objects, recorded on its row when it was
 *     created and never changed; {@code null} means the renderer's default namespace ({@link
 *     dev.slipway.common.render.RenderSettings#namespace()})
 */
public record TenantSpec(
    UUID id,
    String slug,
    long generation,
    DesiredState desiredState,
    Sizing sizing,
    String imageVersion,
    GatewayConfig gatewayConfig,
    String gatewayToken,
    String namespace) {

  public TenantSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(desiredState, "desiredState");
    Objects.requireNonNull(sizing, "sizing");
    Objects.requireNonNull(gatewayConfig, "gatewayConfig");
    Objects.requireNonNull(gatewayToken, "gatewayToken");
    ImageVersions.problem(imageVersion)
        .ifPresent(
            p -> {
              throw new IllegalArgumentException(p);
            });
    if (namespace != null) {
      Namespaces.problem(namespace)
          .ifPresent(
              p -> {
                throw new IllegalArgumentException(p);
              });
    }
  }

  /** A tenant in the default namespace: what every tenant was before namespace sharding. */
  public TenantSpec(
      UUID id,
      String slug,
      long generation,
      DesiredState desiredState,
      Sizing sizing,
      String imageVersion,
      GatewayConfig gatewayConfig,
      String gatewayToken) {
    this(
        id,
        slug,
        generation,
        desiredState,
        sizing,
        imageVersion,
        gatewayConfig,
        gatewayToken,
        null);
  }

  /** The same tenant in {@code namespace}. */
  public TenantSpec inNamespace(String namespace) {
    return new TenantSpec(
        id,
        slug,
        generation,
        desiredState,
        sizing,
        imageVersion,
        gatewayConfig,
        gatewayToken,
        namespace);
  }

  /**
   * A tenant sized as the seed manifest (seed 000) with {@code replicas} replicas, the platform's
   * image and default gateway limits: what the foundation stored before plans existed.
   */
  public TenantSpec(
      UUID id,
      String slug,
      long generation,
      DesiredState desiredState,
      int replicas,
      String gatewayToken) {
    this(
        id,
        slug,
        generation,
        desiredState,
        new Sizing("small", replicas, Resources.seedDefault(), null),
        null,
        GatewayConfig.defaults(slug),
        gatewayToken);
  }

  /** Replicas while started: the plan's fixed count or its autoscaler's minimum. */
  public int replicas() {
    return sizing.startedReplicas();
  }

  /** Replicas the Deployment should have right now. */
  public int effectiveReplicas() {
    return desiredState == DesiredState.RUNNING ? replicas() : 0;
  }

  /** Whether an autoscaler should manage the Deployment right now (only while started). */
  public boolean autoscaledNow() {
    return desiredState == DesiredState.RUNNING && sizing.autoscaled();
  }

  @Override
  public String toString() {
    // The token is a secret: keep it out of logs and exception messages.
    return ("TenantSpec[id=%s, slug=%s, generation=%d, desiredState=%s, plan=%s, imageVersion=%s,"
            + " namespace=%s]")
        .formatted(id, slug, generation, desiredState, sizing.plan(), imageVersion, namespace);
  }
}
