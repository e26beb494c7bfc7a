package dev.slipway.api.tenants.rest;

import dev.slipway.api.http.ApiDefinition;
import dev.slipway.api.http.Roles;
import dev.slipway.api.idempotency.IdempotencyKey;
import dev.slipway.api.tenants.TenantAction;
import dev.slipway.api.tenants.TenantLifecycle;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Lifecycle actions of one tenant: start, stop and gateway token rotation. Thin HTTP mapping over
 * {@link TenantLifecycle}.
 */
@Tag(name = ApiDefinition.TENANTS)
@Path("/v1/tenants/{slug}")
@Produces(MediaType.APPLICATION_JSON)
public class TenantLifecycleResource {
  private final TenantLifecycle lifecycle;
  private final TenantWrites writes;
  private final TenantScope access;

  TenantLifecycleResource(TenantLifecycle lifecycle, TenantWrites writes, TenantScope access) {
    this.lifecycle = lifecycle;
    this.writes = writes;
    this.access = access;
  }

  @POST
  @Path("/start")
  @RolesAllowed({Roles.ADMIN, Roles.TENANT})
  @Operation(
      operationId = "startTenant",
      summary = "Start a tenant",
      description = "Scales the tenant's gateway up to its plan's replicas.")
  @APIResponse(
      responseCode = "202",
      description = "The change is committed and its operation queued; poll the operation",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TenantChangedView.class)))
  @APIResponse(
      responseCode = "200",
      description = "Nothing to change: no operation was queued",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TenantChangedView.class)))
  public Uni<Response> start(
      @PathParam("slug") String slug,
      @HeaderParam("If-Match") String ifMatch,
      @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey) {
    return act(slug, TenantAction.START, ifMatch, idempotencyKey, "POST", "/start");
  }

  @POST
  @Path("/stop")
  @RolesAllowed({Roles.ADMIN, Roles.TENANT})
  @Operation(
      operationId = "stopTenant",
      summary = "Stop a tenant",
      description = "Scales the tenant's gateway to zero; its objects and token are kept.")
  @APIResponse(
      responseCode = "202",
      description = "The change is committed and its operation queued; poll the operation",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TenantChangedView.class)))
  @APIResponse(
      responseCode = "200",
      description = "Nothing to change: no operation was queued",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TenantChangedView.class)))
  public Uni<Response> stop(
      @PathParam("slug") String slug,
      @HeaderParam("If-Match") String ifMatch,
      @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey) {
    return act(slug, TenantAction.STOP, ifMatch, idempotencyKey, "POST", "/stop");
  }

  /** Rotates the gateway token: the new token is in this response only. */
  @POST
  @Path("/rotate-token")
  @RolesAllowed({Roles.ADMIN, Roles.TENANT})
  @Operation(
      operationId = "rotateTenantToken",
      summary = "Rotate a tenant's gateway token",
      description = "Issues a new gateway token; the new token is in this response only.")
  @APIResponse(
      responseCode = "202",
      description = "The change is committed and its operation queued; poll the operation",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TenantChangedView.class)))
  @APIResponse(
      responseCode = "200",
      description = "Nothing to change: no operation was queued",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TenantChangedView.class)))
  public Uni<Response> rotateToken(
      @PathParam("slug") String slug,
      @HeaderParam("If-Match") String ifMatch,
      @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey) {
    return act(slug, TenantAction.ROTATE_TOKEN, ifMatch, idempotencyKey, "POST", "/rotate-token");
  }

  private Uni<Response> act(
      String slug,
      TenantAction action,
      String ifMatch,
      String idempotencyKey,
      String method,
      String suffix) {
    // If-Match is part of the request: a retry with another precondition is another request.
    return writes.mutate(
        slug,
        ifMatch,
        idempotencyKey,
        method,
        suffix,
        ifMatch,
        (tx, generation) ->
            lifecycle.apply(tx, slug, action, generation, access::check, writes.requester()));
  }
}
