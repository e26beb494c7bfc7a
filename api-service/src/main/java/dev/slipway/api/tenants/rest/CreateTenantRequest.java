package dev.slipway.api.tenants.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.api.http.ApiDefinition;
import dev.slipway.api.tenants.GatewayOverrides;
import dev.slipway.api.tenants.ProtectionChange;
import dev.slipway.api.tenants.SettingsChange;
import dev.slipway.api.tenants.labels.Labels;
import dev.slipway.common.model.ImageVersions;
import dev.slipway.common.model.Slugs;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /v1/tenants}. Only the slug is required: the plan defaults to the catalogue's
 * default, the image to the platform's, the gateway limits to the plan's; no deletion protection
 * unless {@code deletionProtection} gives its reason; no labels unless {@code labels} gives them
 * (Kubernetes label syntax, {@link Labels}). The image follows the fleet default unless pinned.
 */
public record CreateTenantRequest(
    @Schema(
            description =
                "Names the tenant's Kubernetes objects and is the first label of its host name;"
                    + " unique among tenants not yet purged, not on the reserved list",
            examples = "acme")
        @NotEmpty(message = Slugs.REQUIRED)
        @Size(
            min = Slugs.MIN_LENGTH,
            max = Slugs.MAX_LENGTH,
            message = "slug must be {min} to {max} characters long")
        @Pattern(regexp = Slugs.PATTERN, message = Slugs.LABEL_RULE)
        String slug,
    @Schema(
            description = "A plan of GET /v1/plans; the catalogue's default plan when left out",
            examples = "standard")
        String plan,
    @Schema(
            description = "Gateway image tag or digest to pin; the platform's image when left out",
            examples = "1.4.2")
        @Pattern(regexp = ImageVersions.PATTERN, message = ImageVersions.RULE)
        String imageVersion,
    @Schema(description = "Gateway limits over the plan's; members left out keep the plan's") @Valid
        GatewayOverrides gatewayConfig,
    @Schema(description = "Protects the tenant from DELETE and purge; give the reason") @Valid
        ProtectionChange.DeletionProtection deletionProtection,
    @Schema(
            description =
                "User-defined labels (Kubernetes label syntax, at most 64) for selecting tenants",
            ref = ApiDefinition.LABELS,
            examples = "{\"tier\": \"beta\"}")
        Map<String, JsonNode> labels) {

  /** The labels asked for, checked (a null value is no label). */
  Map<String, String> checkedLabels() {
    return labels == null ? Map.of() : Labels.merge(Map.of(), labels);
  }

  ProtectionChange protection() {
    return deletionProtection == null
        ? ProtectionChange.NONE
        : ProtectionChange.of(deletionProtection);
  }

  SettingsChange settings() {
    return new SettingsChange(plan, imageVersion != null, imageVersion, gatewayConfig);
  }
}
