package dev.slipway.api.rollouts.planning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.common.model.GatewayConfig;
import dev.slipway.common.model.Sizing;
import dev.slipway.common.model.TenantJson;

/**
 * The part of a tenant's desired state a rollout changes, and what it restores on rollback: stored
 * as {@code rollout_tenants.before} (JSON) when the tenant is changed.
 *
 * @param imageVersion the pinned image version, or null when the tenant follows the fleet
 * @param fleetVersion the fleet version the tenant follows (null: a row from before V13)
 * @param fleetImageVersion the image version of that fleet version
 */
public record Snapshot(
    Sizing sizing,
    String imageVersion,
    Integer fleetVersion,
    String fleetImageVersion,
    GatewayConfig gatewayConfig) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The image version the tenant runs: its pin, else its fleet version's (null: the config's). */
  public String effectiveImageVersion() {
    return imageVersion != null ? imageVersion : fleetImageVersion;
  }

  public String plan() {
    return sizing.plan();
  }

  public String toJson() {
    // Straight to a tree (the columns' JSON, TenantJson's shape): a planned rollout writes this
    // for every selected tenant, 10,000 at most, so no text round trip per tenant.
    ObjectNode node = JSON.createObjectNode();
    node.set("sizing", JSON.valueToTree(sizing));
    node.set("gatewayConfig", JSON.valueToTree(gatewayConfig));
    node.put("imageVersion", imageVersion);
    node.put("fleetVersion", fleetVersion);
    node.put("fleetImageVersion", fleetImageVersion);
    return node.toString();
  }

  public static Snapshot fromJson(String json, String slug) {
    try {
      var node = JSON.readTree(json);
      return new Snapshot(
          TenantJson.sizing(node.get("sizing").toString()),
          text(node, "imageVersion"),
          node.path("fleetVersion").isNull() || node.path("fleetVersion").isMissingNode()
              ? null
              : node.get("fleetVersion").asInt(),
          text(node, "fleetImageVersion"),
          TenantJson.gatewayConfig(node.get("gatewayConfig").toString(), slug));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable snapshot of " + slug, e);
    }
  }

  private static String text(com.fasterxml.jackson.databind.JsonNode node, String field) {
    var v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
