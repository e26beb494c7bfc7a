package dev.slipway.local.kube.api;

/**
 * A request the emulator refuses, answered as a metav1.Status with this code and reason, the way a
 * real API server reports errors (clients map the code, e.g. fabric8 turns 404 on GET into null).
 */
public final class ApiException extends RuntimeException {

  private final int code;
  private final String reason;
  private final java.util.List<String[]> causes = new java.util.ArrayList<>();

  public ApiException(int code, String reason, String message) {
    super(message, null, false, false);
    this.code = code;
    this.reason = reason;
  }

  public static ApiException notFound(ObjectRef ref) {
    return new ApiException(404, "NotFound", ref.resource() + " \"" + ref.name() + "\" not found");
  }

  public static ApiException conflict(ObjectRef ref, String why) {
    return new ApiException(
        409,
        "Conflict",
        "Operation cannot be fulfilled on " + ref.resource() + " \"" + ref.name() + "\": " + why);
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, "BadRequest", message);
  }

  public static ApiException gone(String message) {
    return new ApiException(410, "Expired", message);
  }

  public int code() {
    return code;
  }

  public String reason() {
    return reason;
  }

  /** Adds a details.causes[] entry (type, message, field) to the Status body. */
  public ApiException cause(String type, String message, String field) {
    causes.add(new String[] {type, message, field});
    return this;
  }

  public java.util.List<String[]> causes() {
    return causes;
  }
}
