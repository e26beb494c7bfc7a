package dev.slipway.common.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;

/**
 * The JSON stored in the tenants table's {@code sizing}, {@code gateway_config} and {@code
 * conditions} columns. The API writes it and the worker and reconciler read it, so its shape is a
 * contract between services: fields are only ever added, and readers ignore fields they do not
 * know.
 */
public final class TenantJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private TenantJson() {}

  public static String write(Sizing sizing) {
    return toJson(sizing);
  }

  public static String write(GatewayConfig config) {
    return toJson(config);
  }

  public static String write(List<Condition> conditions) {
    return toJson(conditions);
  }

  public static List<Condition> conditions(String json) {
    try {
      return List.of(MAPPER.readValue(json, Condition[].class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored conditions are not readable", e);
    }
  }

  public static Sizing sizing(String json) {
    return fromJson(json, Sizing.class);
  }

  /** The stored gateway config; none stored (a tenant from before plans) means the defaults. */
  public static GatewayConfig gatewayConfig(String json, String slug) {
    return json == null ? GatewayConfig.defaults(slug) : fromJson(json, GatewayConfig.class);
  }

  private static String toJson(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
    }
  }

  private static <T> T fromJson(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      // Only the API writes these columns; a value it cannot read back is a bug, not bad input.
      throw new IllegalStateException("stored " + type.getSimpleName() + " is not readable", e);
    }
  }
}
