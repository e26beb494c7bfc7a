package dev.slipway.api.rollouts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON of a rollout's stored target, selector and strategy (jsonb columns). */
public final class RolloutJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RolloutJson() {}

  public static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static <T> T read(String json, Class<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable stored " + type.getSimpleName(), e);
    }
  }
}
