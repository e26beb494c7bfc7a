package dev.slipway.api.tenants.rest;

import dev.slipway.api.http.Preconditions;
import dev.slipway.api.idempotency.IdempotencyKey;
import dev.slipway.api.idempotency.MutationResponses;
import dev.slipway.api.idempotency.StoredResponse;
import dev.slipway.api.tenants.TenantChanged;
import dev.slipway.api.tenants.TenantCreated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/** The storable responses of tenant mutations: 202 with the operation's Location, and the ETag. */
@ApplicationScoped
class TenantResponses {
  private final MutationResponses responses;

  TenantResponses(MutationResponses responses) {
    this.responses = responses;
  }

  /** The request's idempotency key, or null when the request has none. */
  IdempotencyKey key(
      SecurityIdentity caller, String header, String method, String path, Object body) {
    return responses.key(caller, header, method, path, body);
  }

  StoredResponse created(TenantCreated created) {
    return StoredResponse.of(
        202,
        responses.write(TenantCreatedView.of(created)),
        operationPath(created.operation().id()),
        Preconditions.etag(created.tenant().generation()));
  }

  /** {@code failureDetail}: whether the caller reads failures as recorded (TenantScope). */
  StoredResponse changed(TenantChanged changed, boolean failureDetail) {
    return StoredResponse.of(
        changed.changed() ? 202 : 200,
        responses.write(TenantChangedView.of(changed, failureDetail)),
        changed.changed() ? operationPath(changed.operation().id()) : null,
        Preconditions.etag(changed.tenant().generation()));
  }

  private static String operationPath(Object operationId) {
    return "/v1/operations/" + operationId;
  }
}
