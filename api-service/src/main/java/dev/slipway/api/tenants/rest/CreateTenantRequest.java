package dev.slipway.api.tenants.rest;

import dev.slipway.api.tenants.GatewayOverrides;
import dev.slipway.api.tenants.SettingsChange;

/**
 * Body of {@code POST /v1/tenants}. Only the slug is required: the plan defaults to the catalogue's
 * default, the image to the platform's, the gateway limits to the plan's.
 */
public record CreateTenantRequest(
    String slug, String plan, String imageVersion, GatewayOverrides gatewayConfig) {

  SettingsChange settings() {
    return new SettingsChange(plan, imageVersion != null, imageVersion, gatewayConfig);
  }
}
