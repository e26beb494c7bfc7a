package dev.slipway.api.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.api.idempotency.IdempotencyKey;
import dev.slipway.api.idempotency.StoredResponse;
import dev.slipway.api.service.TenantChanged;
import dev.slipway.api.service.TenantCreated;
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
class MutationResponses {
  static final String REPLAYED_HEADER = "Idempotent-Replayed";
  private final ObjectMapper json;

  MutationResponses(ObjectMapper json) {
    this.json = json;
  }

  /** The request's idempotency key, or null when the request has none. */
  IdempotencyKey key(
      SecurityIdentity caller, String header, String method, String path, Object body) {
    if (header == null) {
      return null;
    }
    return IdempotencyKey.of(caller.getPrincipal().getName(), header, method, path, write(body));
  }

  StoredResponse created(TenantCreated created) {
    return StoredResponse.of(
        202,
        write(TenantCreatedView.of(created)),
        operationPath(created.operation().id()),
        Preconditions.etag(created.tenant().generation()));
  }

  StoredResponse changed(TenantChanged changed) {
    return StoredResponse.of(
        changed.changed() ? 202 : 200,
        write(TenantChangedView.of(changed)),
        changed.changed() ? operationPath(changed.operation().id()) : null,
        Preconditions.etag(changed.tenant().generation()));
  }

  static Response toResponse(StoredResponse stored) {
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

  private static String operationPath(Object operationId) {
    return "/v1/operations/" + operationId;
  }

  private String write(Object value) {
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
