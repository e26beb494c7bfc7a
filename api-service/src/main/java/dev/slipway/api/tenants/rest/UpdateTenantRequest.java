package dev.slipway.api.tenants.rest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSetter;
import dev.slipway.api.tenants.GatewayOverrides;
import dev.slipway.api.tenants.SettingsChange;

/**
 * Body of {@code PATCH /v1/tenants/{slug}}, with JSON merge-patch meaning: a member left out keeps
 * its value; {@code "imageVersion": null} unpins the image (back to the platform's). A class rather
 * than a record because "null" and "left out" must be told apart.
 */
public final class UpdateTenantRequest {
  private String plan;
  private String imageVersion;
  private boolean imageVersionSet;
  private GatewayOverrides gatewayConfig;

  /** Plan to move to: its sizing and gateway limits replace the tenant's. */
  public String getPlan() {
    return plan;
  }

  public void setPlan(String plan) {
    this.plan = plan;
  }

  /** Gateway image tag to pin, or null to run the platform's image. */
  public String getImageVersion() {
    return imageVersion;
  }

  @JsonSetter("imageVersion")
  public void setImageVersion(String imageVersion) {
    this.imageVersion = imageVersion;
    this.imageVersionSet = true;
  }

  /** Gateway settings to change; members left out keep their values. */
  public GatewayOverrides getGatewayConfig() {
    return gatewayConfig;
  }

  public void setGatewayConfig(GatewayOverrides gatewayConfig) {
    this.gatewayConfig = gatewayConfig;
  }

  @JsonIgnore
  SettingsChange settings() {
    return new SettingsChange(plan, imageVersionSet, imageVersion, gatewayConfig);
  }
}
