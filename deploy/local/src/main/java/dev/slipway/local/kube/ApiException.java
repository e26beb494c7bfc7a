package dev.slipway.local.kube;

/**
 * A request the emulator refuses, answered as a metav1.Status with this code and reason, the way a
 * real API server reports errors (clients map the code, e.g. fabric8 turns 404 on GET into null).
 */
final class ApiException extends RuntimeException {

  private final int code;
  private final String reason;

  ApiException(int code, String reason, String message) {
    super(message, null, false, false);
    this.code = code;
    this.reason = reason;
  }

  static ApiException notFound(ObjectRef ref) {
    return new ApiException(404, "NotFound", ref.resource() + " \"" + ref.name() + "\" not found");
  }

  static ApiException conflict(ObjectRef ref, String why) {
    return new ApiException(
        409,
        "Conflict",
        "Operation cannot be fulfilled on " + ref.resource() + " \"" + ref.name() + "\": " + why);
  }

  static ApiException badRequest(String message) {
    return new ApiException(400, "BadRequest", message);
  }

  static ApiException gone(String message) {
    return new ApiException(410, "Expired", message);
  }

  int code() {
    return code;
  }

  String reason() {
    return reason;
  }
}
