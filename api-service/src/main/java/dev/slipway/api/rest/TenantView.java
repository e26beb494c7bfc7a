package dev.slipway.api.rest;

import dev.slipway.api.repository.TenantRow;
import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.Phase;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A tenant as the API shows it: desired and observed state. Never carries the token. */
public record TenantView(
    UUID id,
    String slug,
    DesiredState desiredState,
    int replicas,
    long generation,
    Phase phase,
    long observedGeneration,
    int readyReplicas,
    String gatewayUrl,
    String lastError,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  static TenantView of(TenantRow row) {
    return new TenantView(
        row.id(),
        row.slug(),
        row.desiredState(),
        row.replicas(),
        row.generation(),
        row.phase(),
        row.observedGeneration(),
        row.readyReplicas(),
        row.gatewayUrl(),
        row.lastError(),
        row.createdAt(),
        row.updatedAt());
  }
}
