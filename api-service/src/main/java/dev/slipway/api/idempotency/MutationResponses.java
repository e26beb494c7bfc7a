package dev.slipway.api.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Renders mutation results as storable responses (JSON text plus headers) and those as HTTP
 * responses, so a first response and its idempotent replay are byte for byte the same.
 */
@ApplicationScoped
public class MutationResponses {
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";
  private final ObjectMapper json;

  MutationResponses(ObjectMapper json) {
    this.json = json;
  }

  /** The request's idempotency key, or null when the request has none. */
  public IdempotencyKey key(
      SecurityIdentity caller, String header, String method, String path, Object body) {
    if (header == null) {
      return null;
    }
    return IdempotencyKey.of(ReplayScope.of(caller), header, method, path, write(body));
  }

  public static Response toResponse(StoredResponse stored) {
    Response.ResponseBuilder builder =
        Response.status(stored.status()).entity(stored.body()).type(MediaType.APPLICATION_JSON);
    if (stored.location() != null) {
      builder.header(HttpHeaders.LOCATION, stored.location());
    }
    if (stored.etag() != null) {
      builder.header(HttpHeaders.ETAG, stored.etag());
    }
    if (stored.replayed()) {
      builder.header(REPLAYED_HEADER, "true");
    }
    return builder.build();
  }

  /** The JSON a response stores; empty for none. */
  public String write(Object value) {
    if (value == null) {
      return "";
    }
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }
}
