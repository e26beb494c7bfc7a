package dev.slipway.api.tenants;

import dev.slipway.common.model.GatewayConfig;
import dev.slipway.common.model.Sizing;

/**
 * The settings of a tenant an update can change: its plan's sizing, a pinned image version (null:
 * the platform's) and its gateway limits.
 */
public record TenantSettings(Sizing sizing, String imageVersion, GatewayConfig gatewayConfig) {

  public String plan() {
    return sizing.plan();
  }
}
