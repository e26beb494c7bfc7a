package dev.slipway.api.tenants;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.api.fleet.GatewayPatch;
import dev.slipway.api.http.ApiException;
import dev.slipway.api.plans.Plan;
import dev.slipway.api.plans.PlanCatalog;
import dev.slipway.common.model.ImageVersions;

/**
 * What a create or update request says about a tenant's settings, each part optional: a plan, an
 * image version (with {@code imageVersionSet} telling "unpin" (null) from "not mentioned") and
 * gateway overrides.
 */
public record SettingsChange(
    String plan, boolean imageVersionSet, String imageVersion, GatewayOverrides gateway) {

  public static SettingsChange none() {
    return new SettingsChange(null, false, null, null);
  }

  public boolean isEmpty() {
    return plan == null && !imageVersionSet && gateway == null;
  }

  /**
   * Settings of a new tenant: the named or default plan, its gateway config with the fleet
   * default's patch applied ({@code fleetPatch}, null for none; {@link GatewayPatch}), and this
   * request's choices on top.
   */
  public TenantSettings forNewTenant(String slug, PlanCatalog catalog, JsonNode fleetPatch) {
    Plan chosen = plan == null ? catalog.defaultPlan() : catalog.require(plan);
    return new TenantSettings(
        chosen.sizing(),
        checkedImageVersion(),
        overrides().applyTo(GatewayPatch.apply(chosen.gatewayFor(slug), fleetPatch)));
  }

  /**
   * {@code current} with this change applied. A new plan brings its sizing and gateway limits; the
   * request's gateway settings apply on top of those, and the project stays the tenant's.
   */
  public TenantSettings applyTo(TenantSettings current, PlanCatalog catalog) {
    var gatewayBase = current.gatewayConfig();
    var sizing = current.sizing();
    if (plan != null) {
      Plan chosen = catalog.require(plan);
      sizing = chosen.sizing();
      if (!plan.equals(current.plan())) {
        gatewayBase = chosen.gatewayFor(current.gatewayConfig().project());
      }
    }
    String image = imageVersionSet ? checkedImageVersion() : current.imageVersion();
    return new TenantSettings(sizing, image, overrides().applyTo(gatewayBase));
  }

  private GatewayOverrides overrides() {
    return gateway == null ? new GatewayOverrides(null, null, null, null, null) : gateway;
  }

  private String checkedImageVersion() {
    ImageVersions.problem(imageVersion)
        .ifPresent(
            p -> {
              throw ApiException.invalidField("imageVersion", p);
            });
    return imageVersion;
  }
}
