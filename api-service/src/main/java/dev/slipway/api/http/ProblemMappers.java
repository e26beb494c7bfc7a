package dev.slipway.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into RFC 9457 problem+json. Client errors say what was wrong; server errors
 * say nothing internal and carry an id that is also logged.
 */
public class ProblemMappers {
  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response api(ApiException e) {
    return Problem.of(e.status(), e.type(), e.title(), e.getMessage())
        .withErrors(e.errors())
        .toResponse();
  }

  /** 429 tells the client when to come back, so well-behaved clients back off precisely. */
  @ServerExceptionMapper
  public Response rateLimited(RateLimitedException e) {
    return Response.fromResponse(api(e))
        .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
        .build();
  }

  /** 503 when this replica is at its write limit: the client retries here or on another one. */
  @ServerExceptionMapper
  public Response overloaded(OverloadedException e) {
    return Response.fromResponse(api(e))
        .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
        .build();
  }

  @ServerExceptionMapper
  public Response unrecognizedField(UnrecognizedPropertyException e) {
    String detail = "unknown field '" + e.getPropertyName() + "'";
    return Problem.of(400, "bad-request", "Malformed request", detail).toResponse();
  }

  /** More specific than Quarkus's built-in mapper for this type, which answers without a body. */
  @ServerExceptionMapper
  public Response mismatchedInput(MismatchedInputException e) {
    return json(e);
  }

  @ServerExceptionMapper
  public Response json(JsonProcessingException e) {
    // The original message names the position and the expected token, never server internals.
    String detail = "request body is not valid JSON for this endpoint: " + e.getOriginalMessage();
    return Problem.of(400, "bad-request", "Malformed request", detail).toResponse();
  }

  @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
  public Response unauthorized(RuntimeException e) {
    Response response =
        Problem.of(401, "unauthorized", "Unauthorized", "a valid bearer token is required")
            .toResponse();
    return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e) {
    return Problem.of(403, "forbidden", "Forbidden", "the token's roles do not allow this")
        .toResponse();
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    Response.StatusType info = Response.Status.fromStatusCode(status);
    String title = info == null ? "HTTP " + status : info.getReasonPhrase();
    if (status >= 500) {
      return internal(e);
    }
    return Problem.of(status, "http-" + status, title, e.getMessage()).toResponse();
  }

  @ServerExceptionMapper
  public Response internal(Throwable e) {
    String errorId = UUID.randomUUID().toString();
    LOG.errorf(e, "unhandled error %s", errorId);
    return Problem.of(500, "internal", "Internal error", "error id " + errorId).toResponse();
  }
}
