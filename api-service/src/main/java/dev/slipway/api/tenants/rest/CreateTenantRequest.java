package dev.slipway.api.tenants.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.api.tenants.GatewayOverrides;
import dev.slipway.api.tenants.ProtectionChange;
import dev.slipway.api.tenants.SettingsChange;
import dev.slipway.api.tenants.labels.Labels;
import java.util.Map;

/**
 * Body of {@code POST /v1/tenants}. Only the slug is required: the plan defaults to the catalogue's
 * default, the image to the platform's, the gateway limits to the plan's; no deletion protection
 * unless {@code deletionProtection} gives its reason; no labels unless {@code labels} gives them
 * (Kubernetes label syntax, {@link Labels}). The image follows the fleet default unless pinned.
 */
public record CreateTenantRequest(
    String slug,
    String plan,
    String imageVersion,
    GatewayOverrides gatewayConfig,
    ProtectionChange.DeletionProtection deletionProtection,
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
