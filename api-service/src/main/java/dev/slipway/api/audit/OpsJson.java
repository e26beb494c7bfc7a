package dev.slipway.api.audit;

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
}
