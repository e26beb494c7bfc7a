package dev.slipway.api.fleet;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.api.http.ApiDefinition;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code GET /v1/fleet}.
 *
 * @param defaultVersion the version new tenants get (the newest promoted), null before the
 *     bootstrap
 * @param versions every version, newest first, each with the live tenants following it
 * @param pinned live tenants with a pinned image version (they follow no version's image)
 * @param unassigned live tenants following no version yet (written before the bootstrap)
 */
public record FleetView(
    @JsonProperty("default") VersionView defaultVersion,
    List<VersionView> versions,
    long pinned,
    long unassigned) {

  /**
   * One fleet version.
   *
   * @param tenants live tenants following it (image not pinned); null in {@code default}
   */
  public record VersionView(
      int version,
      String imageVersion,
      @Schema(
              ref = ApiDefinition.GATEWAY_PATCH,
              description = "Merge patch over a plan's gateway limits that new tenants get")
          JsonNode gatewayConfig,
      String reason,
      String createdBy,
      OffsetDateTime createdAt,
      OffsetDateTime promotedAt,
      UUID rolloutId,
      Long tenants) {

    static VersionView of(FleetVersion v, Long tenants) {
      return new VersionView(
          v.version(),
          v.imageVersion(),
          v.gatewayConfig(),
          v.reason(),
          v.createdBy(),
          v.createdAt(),
          v.promotedAt(),
          v.rolloutId(),
          tenants);
    }
  }
}
