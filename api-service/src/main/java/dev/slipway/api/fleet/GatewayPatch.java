package dev.slipway.api.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.api.http.ApiException;
import dev.slipway.common.model.GatewayConfig;
import dev.slipway.common.model.TenantJson;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A fleet version's gateway config: a JSON merge patch (RFC 7386) of a plan's gateway limits. Only
 * the limits may be patched fleet-wide; the project stays each tenant's own.
 */
public final class GatewayPatch {
  /** The members a fleet patch may set: the numeric limits of {@link GatewayConfig}. */
  public static final Set<String> FIELDS =
      Set.of("maxConnections", "requestsPerSecond", "burst", "maxQueueSize");

  /** Upper bound of a limit: the same as a tenant's own overrides (tenants.GatewayOverrides). */
  public static final int MAX = 10_000_000;

  private static final JsonMapper MAPPER = new JsonMapper();

  private GatewayPatch() {}

  /** {@code target} with {@code patch} merged in, as RFC 7386 defines it (a null removes). */
  public static JsonNode merge(JsonNode target, JsonNode patch) {
    if (patch == null || !patch.isObject()) {
      return patch == null ? target : patch.deepCopy();
    }
    ObjectNode out =
        target != null && target.isObject()
            ? ((ObjectNode) target).deepCopy()
            : JsonNodeFactory.instance.objectNode();
    Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
    while (fields.hasNext()) {
      var field = fields.next();
      if (field.getValue().isNull()) {
        out.remove(field.getKey());
      } else {
        out.set(field.getKey(), merge(out.get(field.getKey()), field.getValue()));
      }
    }
    return out;
  }

  /** {@code base} (a plan's gateway config) with the fleet patch applied. */
  public static GatewayConfig apply(GatewayConfig base, JsonNode patch) {
    if (patch == null || patch.isEmpty()) {
      return base;
    }
    try {
      JsonNode merged = merge(MAPPER.readTree(TenantJson.write(base)), patch);
      return TenantJson.gatewayConfig(MAPPER.writeValueAsString(merged), base.project());
    } catch (Exception e) {
      throw new IllegalStateException("the fleet's gateway config patch is not applicable", e);
    }
  }

  /**
   * Checks a patch given for a new fleet version: an object whose members are limits ({@link
   * #FIELDS}) set to 1..{@link #MAX} or null (back to the plan's). 422 naming the member under
   * {@code field} otherwise.
   */
  public static void requireValid(String field, JsonNode patch) {
    if (patch == null) {
      return;
    }
    if (!patch.isObject()) {
      throw ApiException.invalidField(field, "must be a JSON object (a merge patch)");
    }
    patch
        .fields()
        .forEachRemaining(
            e -> {
              String name = field + "." + e.getKey();
              if (!FIELDS.contains(e.getKey())) {
                throw ApiException.invalidField(name, "only " + FIELDS + " may be patched");
              }
              JsonNode v = e.getValue();
              if (!v.isNull()
                  && (!v.isIntegralNumber()
                      || !v.canConvertToInt()
                      || v.asInt() < 1
                      || v.asInt() > MAX)) {
                throw ApiException.invalidField(
                    name, "must be an integer between 1 and " + MAX + ", or null");
              }
            });
  }

  static JsonNode parse(String json) {
    try {
      return json == null ? JsonNodeFactory.instance.objectNode() : MAPPER.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException("stored fleet gateway config is not JSON", e);
    }
  }

  static String write(JsonNode node) {
    return node.toString();
  }
}
