package dev.slipway.common.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.model.GatewayConfig;
import dev.slipway.common.model.TenantSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders seed 004's shared {@code GATEWAY_CONFIG_JSON}: tenant and project, capacity, rate limits
 * and {@code limits.proc.max_queue_size}. Keys in a fixed order, so equal configs give equal
 * strings and re-applying an unchanged tenant never rolls its pods.
 */
final class GatewayConfigJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private GatewayConfigJson() {}

  static String render(TenantSpec tenant) {
    GatewayConfig config = tenant.gatewayConfig();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("tenant", tenant.slug());
    json.put("project", config.project());
    json.put("capacity", Map.of("max_connections", config.maxConnections()));
    json.put(
        "rate_limits",
        ordered("requests_per_second", config.requestsPerSecond(), "burst", config.burst()));
    json.put("limits", Map.of("proc", Map.of("max_queue_size", config.maxQueueSize())));
    try {
      return MAPPER.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render the gateway config", e);
    }
  }

  private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(k1, v1);
    map.put(k2, v2);
    return map;
  }
}
