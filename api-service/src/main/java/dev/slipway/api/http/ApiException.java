package dev.slipway.api.http;

import java.util.List;

/**
 * A failure the client caused or must know about, rendered as RFC 9457 problem+json by the REST
 * layer. {@code type} is a short slug appended to the problem type base URI.
 */
public class ApiException extends RuntimeException {
  private final int status;
  private final String type;
  private final String title;
  private final List<FieldError> errors;

  public ApiException(int status, String type, String title, String detail) {
    this(status, type, title, detail, List.of());
  }

  private ApiException(
      int status, String type, String title, String detail, List<FieldError> errors) {
    super(detail);
    this.status = status;
    this.type = type;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  /** One offending request field and what is wrong with it. */
  public record FieldError(String field, String detail) {}

  /** A request field with an invalid value: 422 naming the field. */
  public static ApiException invalidField(String field, String detail) {
    return new ApiException(
        422, "validation", "Invalid request", detail, List.of(new FieldError(field, detail)));
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

  public List<FieldError> errors() {
    return errors;
  }
}
