package dev.slipway.api.tenants.rest;

import dev.slipway.api.http.ApiDefinition;
import dev.slipway.api.http.Roles;
import dev.slipway.api.idempotency.IdempotencyKey;
import dev.slipway.api.tenants.lifecycle.TenantDeletion;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
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
 * Soft delete of one tenant. Thin HTTP mapping over {@link TenantDeletion}; restore and purge are
 * in {@link TenantSafetyResource}.
 */
@Tag(name = ApiDefinition.TENANTS)
@Path("/v1/tenants/{slug}")
@Produces(MediaType.APPLICATION_JSON)
public class TenantSoftDeleteResource {
  private final TenantDeletion deletion;
  private final TenantWrites writes;
  private final TenantScope access;

  TenantSoftDeleteResource(TenantDeletion deletion, TenantWrites writes, TenantScope access) {
    this.deletion = deletion;
    this.writes = writes;
    this.access = access;
  }

  /**
   * Soft delete: the tenant goes offline (scaled to zero, no Ingress) and stays restorable until
   * {@code purgeAfter}; row, token, Secret and slug are kept. 409 when already deleted or
   * protected.
   */
  @DELETE
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      operationId = "deleteTenant",
      summary = "Delete a tenant",
      description =
          "Soft delete: the tenant goes offline and stays restorable until purgeAfter. 409 when already deleted or protected.")
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
  public Uni<Response> delete(
      @PathParam("slug") String slug,
      @HeaderParam("If-Match") String ifMatch,
      @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey) {
    return writes.mutate(
        slug,
        ifMatch,
        idempotencyKey,
        "DELETE",
        "",
        ifMatch,
        (tx, generation) ->
            deletion.delete(tx, slug, generation, access::check, writes.requester()));
  }
}
