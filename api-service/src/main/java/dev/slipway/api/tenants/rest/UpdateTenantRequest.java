package dev.slipway.api.tenants.rest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.api.http.ApiDefinition;
import dev.slipway.api.tenants.GatewayOverrides;
import dev.slipway.api.tenants.ProtectionChange;
import dev.slipway.api.tenants.SettingsChange;
import dev.slipway.common.model.ImageVersions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code PATCH /v1/tenants/{slug}}, with JSON merge-patch meaning: a member left out keeps
 * its value; {@code "imageVersion": null} unpins the image (back to the platform's). A class rather
 * than a record because "null" and "left out" must be told apart.
 */
public final class UpdateTenantRequest {
  private String plan;
  private String imageVersion;

  // Bookkeeping, not members of the body: hidden from the OpenAPI schema.
  @Schema(hidden = true)
  private boolean imageVersionSet;

  private GatewayOverrides gatewayConfig;
  private ProtectionChange.DeletionProtection deletionProtection;

  @Schema(hidden = true)
  private boolean deletionProtectionSet;

  @Schema(
      ref = ApiDefinition.LABELS,
      description =
          "Labels to change, as a JSON merge patch: a string value sets a key, null removes it")
  private Map<String, JsonNode> labels;

  /** Plan to move to: its sizing and gateway limits replace the tenant's. */
  public String getPlan() {
    return plan;
  }

  public void setPlan(String plan) {
    this.plan = plan;
  }

  /** Gateway image tag to pin, or null to run the platform's image. */
  @Pattern(regexp = ImageVersions.PATTERN, message = ImageVersions.RULE)
  public String getImageVersion() {
    return imageVersion;
  }

  @JsonSetter("imageVersion")
  public void setImageVersion(String imageVersion) {
    this.imageVersion = imageVersion;
    this.imageVersionSet = true;
  }

  /** Gateway settings to change; members left out keep their values. */
  @Valid
  public GatewayOverrides getGatewayConfig() {
    return gatewayConfig;
  }

  public void setGatewayConfig(GatewayOverrides gatewayConfig) {
    this.gatewayConfig = gatewayConfig;
  }

  /**
   * {@code {"reason": "..."}} protects the tenant from DELETE and purge (409 with the reason); null
   * clears it.
   */
  @Valid
  public ProtectionChange.DeletionProtection getDeletionProtection() {
    return deletionProtection;
  }

  @JsonSetter("deletionProtection")
  public void setDeletionProtection(ProtectionChange.DeletionProtection deletionProtection) {
    this.deletionProtection = deletionProtection;
    this.deletionProtectionSet = true;
  }

  /**
   * Labels to change, as a JSON merge patch: a key with a string value sets it, with null removes
   * it; keys left out keep their values.
   */
  public Map<String, JsonNode> getLabels() {
    return labels;
  }

  public void setLabels(Map<String, JsonNode> labels) {
    this.labels = labels;
  }

  @JsonIgnore
  ProtectionChange protection() {
    return deletionProtectionSet ? ProtectionChange.of(deletionProtection) : ProtectionChange.NONE;
  }

  @JsonIgnore
  SettingsChange settings() {
    return new SettingsChange(plan, imageVersionSet, imageVersion, gatewayConfig);
  }
}
