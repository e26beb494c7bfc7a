package dev.slipway.api.tenants.rest;

import dev.slipway.api.auth.FailureText;
import dev.slipway.api.tenants.Frozen;
import dev.slipway.api.tenants.Lifecycle;
import dev.slipway.api.tenants.LifecycleState;
import dev.slipway.api.tenants.ProtectionChange;
import dev.slipway.api.tenants.TenantRow;
import dev.slipway.common.model.Autoscaling;
import dev.slipway.common.model.Condition;
import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.GatewayConfig;
import dev.slipway.common.model.Phase;
import dev.slipway.common.model.Resources;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant as the API shows it: desired state (plan and its sizing, image version, gateway limits)
 * and observed state (phase, generation observed, ready replicas, conditions). Never the token.
 *
 * @param replicas replicas while started (the autoscaler's minimum when there is one)
 * @param imageVersion pinned gateway image version; null follows the fleet version's
 * @param fleetVersion the fleet version the tenant follows (GET /v1/fleet); null only for a tenant
 *     written before the fleet bootstrap
 * @param effectiveImageVersion the image version its Deployment runs: the pinned one, else its
 *     fleet version's (null only before the bootstrap: the tag of slipway.fleet.image)
 * @param labels user-defined labels (Kubernetes label syntax), for selecting tenants
 * @param frozen set while an admin froze the tenant: who (not shown to a tenant token), when and
 *     why
 * @param namespace the Kubernetes namespace holding the tenant's objects: chosen by the API when
 *     the tenant was created, never changed, and not settable by clients
 * @param desiredState what the worker converges on: OFFLINE while suspended or deleted
 * @param lifecycle ACTIVE, SUSPENDED, DELETED (restorable until {@code purgeAfter}) or PURGED
 * @param resumeState the desired state an OFFLINE tenant returns to when restored or resumed
 * @param deletionProtection set: DELETE and purge answer 409 with its reason
 * @param lastError the failure as recorded for admins and ops; generic for a tenant token, as are
 *     the messages of its conditions that are not True ({@link #withoutFailureDetail})
 */
public record TenantView(
    UUID id,
    String slug,
    String namespace,
    String plan,
    DesiredState desiredState,
    int replicas,
    Resources resources,
    Autoscaling autoscaling,
    String imageVersion,
    GatewayConfig gatewayConfig,
    long generation,
    Phase phase,
    long observedGeneration,
    int readyReplicas,
    List<Condition> conditions,
    String gatewayUrl,
    String lastError,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    LifecycleState lifecycle,
    DesiredState resumeState,
    OffsetDateTime deletedAt,
    OffsetDateTime purgeAfter,
    OffsetDateTime purgedAt,
    OffsetDateTime suspendedAt,
    String suspensionReason,
    ProtectionChange.DeletionProtection deletionProtection,
    Integer fleetVersion,
    String effectiveImageVersion,
    Map<String, String> labels,
    Frozen frozen) {

  static TenantView of(TenantRow row) {
    Lifecycle l = row.lifecycle();
    return new TenantView(
        row.id(),
        row.slug(),
        row.namespace(),
        row.plan(),
        row.desiredState(),
        row.sizing().startedReplicas(),
        row.sizing().resources(),
        row.sizing().autoscaling(),
        row.imageVersion(),
        row.gatewayConfig(),
        row.generation(),
        row.phase(),
        row.observedGeneration(),
        row.readyReplicas(),
        row.conditions(),
        row.gatewayUrl(),
        row.lastError(),
        row.createdAt(),
        row.updatedAt(),
        l.state(),
        l.resumeState(),
        l.deletedAt(),
        l.purgeAfter(),
        l.purgedAt(),
        l.suspendedAt(),
        l.suspensionReason(),
        l.deletionProtection() == null
            ? null
            : new ProtectionChange.DeletionProtection(l.deletionProtection()),
        row.fleetVersion(),
        row.effectiveImageVersion(),
        row.labels(),
        row.frozen());
  }

  /** This view for a tenant token: generic failure text, never raw Kubernetes or exception text. */
  TenantView withoutFailureDetail() {
    List<Condition> shown =
        conditions == null
            ? null
            : conditions.stream()
                .map(
                    c ->
                        Condition.TRUE.equals(c.status()) || c.message() == null
                            ? c
                            : new Condition(
                                c.type(),
                                c.status(),
                                c.reason(),
                                FailureText.condition(),
                                c.lastTransitionTime()))
                .toList();
    return new TenantView(
        id,
        slug,
        namespace,
        plan,
        desiredState,
        replicas,
        resources,
        autoscaling,
        imageVersion,
        gatewayConfig,
        generation,
        phase,
        observedGeneration,
        readyReplicas,
        shown,
        gatewayUrl,
        lastError == null ? null : FailureText.tenant(),
        createdAt,
        updatedAt,
        lifecycle,
        resumeState,
        deletedAt,
        purgeAfter,
        purgedAt,
        suspendedAt,
        suspensionReason,
        deletionProtection,
        fleetVersion,
        effectiveImageVersion,
        labels,
        // Which admin froze it is for admins and ops.
        frozen == null ? null : new Frozen(frozen.reason(), null, frozen.at()));
  }
}
