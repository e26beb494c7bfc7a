package dev.slipway.api.http;

import dev.slipway.api.config.ApiConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses declared bodies over the limit with a 413 problem before reading them. (Bodies without a
 * Content-Length are capped by Vert.x at quarkus.http.limits.max-body-size.)
 */
public class BodySizeFilter {
  private final long maxBytes;

  BodySizeFilter(ApiConfig config) {
    this.maxBytes = config.maxBodyBytes();
  }

  @ServerRequestFilter(preMatching = true)
  public void checkSize(ContainerRequestContext request) {
    String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (length == null) {
      return;
    }
    long bytes;
    try {
      bytes = Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("Content-Length is not a number");
    }
    if (bytes > maxBytes) {
      throw new ApiException(
          413,
          "payload-too-large",
          "Payload too large",
          "request bodies are limited to " + maxBytes + " bytes, got " + bytes);
    }
  }
}
