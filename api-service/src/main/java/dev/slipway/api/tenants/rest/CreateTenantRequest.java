package dev.slipway.api.tenants.rest;

import dev.slipway.api.tenants.GatewayOverrides;
import dev.slipway.api.tenants.ProtectionChange;
import dev.slipway.api.tenants.SettingsChange;

/**
 * Body of {@code POST /v1/tenants}. Only the slug is required: the plan defaults to the catalogue's
 * default, the image to the platform's, the gateway limits to the plan's; no deletion protection
 * unless {@code deletionProtection} gives its reason.
 */
public record CreateTenantRequest(
    String slug,
    String plan,
    String imageVersion,
    GatewayOverrides gatewayConfig,
    ProtectionChange.DeletionProtection deletionProtection) {

  ProtectionChange protection() {
    return deletionProtection == null
        ? ProtectionChange.NONE
        : ProtectionChange.of(deletionProtection);
  }

  SettingsChange settings() {
    return new SettingsChange(plan, imageVersion != null, imageVersion, gatewayConfig);
  }
}
