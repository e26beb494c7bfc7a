package dev.slipway.api.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Request bodies are typed strictly: {@code {"slug": 12}} is a malformed request, not the slug
 * "12". Jackson would otherwise coerce numbers and booleans into strings silently.
 */
@Singleton
public class StrictJsonCustomizer implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    var textual = mapper.coercionConfigFor(LogicalType.Textual);
    textual.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    textual.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    textual.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
  }
}
