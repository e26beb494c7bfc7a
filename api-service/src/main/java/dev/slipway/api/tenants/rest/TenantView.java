package dev.slipway.api.tenants.rest;

import dev.slipway.api.auth.FailureText;
import dev.slipway.api.tenants.TenantRow;
import dev.slipway.common.model.Autoscaling;
import dev.slipway.common.model.Condition;
import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.GatewayConfig;
import dev.slipway.common.model.Phase;
import dev.slipway.common.model.Resources;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A tenant as the API shows it: desired state (plan and its sizing, image version, gateway limits)
 * and observed state (phase, generation observed, ready replicas, conditions). Never the token.
 *
 * @param replicas replicas while started (the autoscaler's minimum when there is one)
 * @param imageVersion pinned gateway image tag; null runs the platform's image
 * @param namespace the Kubernetes namespace holding the tenant's objects: chosen by the API when
 *     the tenant was created, never changed, and not settable by clients
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
    OffsetDateTime updatedAt) {

  static TenantView of(TenantRow row) {
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
        row.updatedAt());
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
        updatedAt);
  }
}
