package dev.slipway.local.kube.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds JSON responses, including the metav1.Status body clients parse on errors. */
public final class Responses {

  private Responses() {}

  public static ApiResponse json(int code, JsonNode body) {
    return ApiResponse.json(code, Json.write(body));
  }

  public static ApiResponse error(int code, String reason, String message) {
    return json(code, status(code, reason, message));
  }

  public static ApiResponse error(ApiException e) {
    ObjectNode status = status(e.code(), e.reason(), e.getMessage());
    if (!e.causes().isEmpty()) {
      var causes = status.putObject("details").putArray("causes");
      for (String[] cause : e.causes()) {
        causes.addObject().put("type", cause[0]).put("message", cause[1]).put("field", cause[2]);
      }
    }
    return json(e.code(), status);
  }

  /**
   * The 429 a real API server sends when API Priority and Fairness rejects a request: the Status
   * carries the delay in {@code details.retryAfterSeconds}, as the {@code Retry-After} header does.
   */
  public static ApiResponse tooManyRequests(int retryAfterSeconds) {
    ObjectNode status =
        status(429, "TooManyRequests", "Too many requests, please try again later.");
    status.putObject("details").put("retryAfterSeconds", retryAfterSeconds);
    return json(429, status);
  }

  public static ObjectNode status(int code, String reason, String message) {
    ObjectNode status = Json.object();
    status.put("kind", "Status");
    status.put("apiVersion", "v1");
    status.putObject("metadata");
    status.put("status", code < 400 ? "Success" : "Failure");
    status.put("message", message);
    status.put("reason", reason);
    status.put("code", code);
    return status;
  }

  /** The reason a real API server gives with a status code, for injected faults. */
  public static String reasonFor(int code) {
    return switch (code) {
      case 400 -> "BadRequest";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "NotFound";
      case 409 -> "Conflict";
      case 410 -> "Expired";
      case 422 -> "Invalid";
      case 429 -> "TooManyRequests";
      case 503 -> "ServiceUnavailable";
      case 504 -> "Timeout";
      default -> "InternalError";
    };
  }
}
