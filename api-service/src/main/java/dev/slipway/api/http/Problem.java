package dev.slipway.api.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** An RFC 9457 problem details body. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<ApiException.FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /**
   * Base of our problem type URIs; the suffix names the problem (documented in
   * api-service/README.md, "Errors").
   */
  public static final String TYPE_BASE = "https://slipway.dev/problems/";

  static Problem of(int status, String type, String title, String detail) {
    return new Problem(TYPE_BASE + type, title, status, detail, null, null);
  }

  Problem withErrors(List<ApiException.FieldError> fieldErrors) {
    return new Problem(
        type, title, status, detail, instance, fieldErrors.isEmpty() ? null : fieldErrors);
  }

  Response toResponse() {
    return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this).build();
  }
}
