package dev.slipway.api.service;

/**
 * A failure the client caused or must know about, rendered as RFC 9457 problem+json by the REST
 * layer. {@code type} is a short slug appended to the problem type base URI.
 */
public class ApiException extends RuntimeException {
  private final int status;
  private final String type;
  private final String title;

  public ApiException(int status, String type, String title, String detail) {
    super(detail);
    this.status = status;
    this.type = type;
    this.title = title;
  }

  public static ApiException validation(String detail) {
    return new ApiException(422, "validation", "Invalid request", detail);
  }

  public static ApiException badRequest(String detail) {
    return new ApiException(400, "bad-request", "Malformed request", detail);
  }

  public static ApiException notFound(String what) {
    return new ApiException(404, "not-found", "Not found", what + " not found");
  }

  public static ApiException conflict(String detail) {
    return new ApiException(409, "conflict", "Conflict", detail);
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String title() {
    return title;
  }
}
