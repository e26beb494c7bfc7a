package dev.slipway.local.kube.api;

import java.nio.charset.StandardCharsets;

/** A complete (non-streaming) answer: status code, content type and body bytes. */
public record ApiResponse(int code, String contentType, byte[] body) {

  public static final String JSON = "application/json";

  public static ApiResponse json(int code, byte[] body) {
    return new ApiResponse(code, JSON, body);
  }

  public static ApiResponse json(int code, String body) {
    return json(code, body.getBytes(StandardCharsets.UTF_8));
  }

  public static ApiResponse text(int code, String body) {
    return new ApiResponse(code, "text/plain", body.getBytes(StandardCharsets.UTF_8));
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
