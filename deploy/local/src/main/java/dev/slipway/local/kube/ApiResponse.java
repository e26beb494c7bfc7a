package dev.slipway.local.kube;

import java.nio.charset.StandardCharsets;

/** A complete (non-streaming) answer: status code, content type and body bytes. */
record ApiResponse(int code, String contentType, byte[] body) {

  static final String JSON = "application/json";

  static ApiResponse json(int code, byte[] body) {
    return new ApiResponse(code, JSON, body);
  }

  static ApiResponse json(int code, String body) {
    return json(code, body.getBytes(StandardCharsets.UTF_8));
  }

  static ApiResponse text(int code, String body) {
    return new ApiResponse(code, "text/plain", body.getBytes(StandardCharsets.UTF_8));
  }

  String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
