package dev.slipway.api.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

/** JSON of what ops tables store: filters and counts. */
@ApplicationScoped
public class OpsJson {
  private final ObjectMapper json;

  OpsJson(ObjectMapper json) {
    this.json = json;
  }

  public String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  public DeadLetterFilter filter(String text) {
    try {
      return json.readValue(text, DeadLetterFilter.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored dead-letter filter is unreadable", e);
    }
  }
}
