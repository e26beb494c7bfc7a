package dev.slipway.api.tenants.rest;

import dev.slipway.api.http.ApiDefinition;
import dev.slipway.api.http.ApiException;
import dev.slipway.api.http.Roles;
import dev.slipway.api.idempotency.IdempotencyKey;
import dev.slipway.api.tenants.lifecycle.TenantFreeze;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Admin-only freeze and unfreeze of one tenant ({@link TenantFreeze}): 200 with the tenant, its
 * {@code frozen} showing who froze it, when and why; audited as tenant.freeze and tenant.unfreeze.
 */
@Tag(name = ApiDefinition.TENANTS)
@Path("/v1/tenants/{slug}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class TenantFreezeResource {
  private final TenantFreeze freeze;
  private final TenantWrites writes;
  private final TenantScope access;

  TenantFreezeResource(TenantFreeze freeze, TenantWrites writes, TenantScope access) {
    this.freeze = freeze;
    this.writes = writes;
    this.access = access;
  }

  /** {@code {"reason": "..."}}, required; 409 naming the reason when frozen for another one. */
  @POST
  @Path("/freeze")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "freezeTenant",
      summary = "Freeze a tenant",
      description =
          "A frozen tenant is skipped by rollouts and bulk operations, and the reconciler only reports its drift. Needs a reason.")
  public Uni<Response> freeze(
      @PathParam("slug") String slug,
      TenantSafetyResource.ReasonRequest request,
      @HeaderParam("If-Match") String ifMatch,
      @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey) {
    if (request == null) {
      throw ApiException.badRequest("request body is required: {\"reason\": \"...\"}");
    }
    return writes.mutate(
        slug,
        ifMatch,
        idempotencyKey,
        "POST",
        "/freeze",
        List.of(request, ifMatch == null ? "" : ifMatch),
        (tx, gen) ->
            freeze.freeze(tx, slug, request.reason(), gen, access::check, writes.requester()));
  }

  /**
   * The body, {@code {"reason": "..."}}, is optional; unfreezing a tenant not frozen is a 200. JSON
   * or no body at all: without {@code @Consumes} another media type was read as no body, or, empty,
   * refused with a bare 400 (BadInputQuarkusTest).
   */
  @POST
  @Path("/unfreeze")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "unfreezeTenant",
      summary = "Unfreeze a tenant",
      description =
          "Rollouts, bulk operations and the reconciler's repairs apply to the tenant again.")
  public Uni<Response> unfreeze(
      @PathParam("slug") String slug,
      TenantSafetyResource.ReasonRequest request,
      @HeaderParam("If-Match") String ifMatch,
      @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey) {
    String reason = request == null ? null : request.reason();
    return writes.mutate(
        slug,
        ifMatch,
        idempotencyKey,
        "POST",
        "/unfreeze",
        List.of(reason == null ? "" : reason, ifMatch == null ? "" : ifMatch),
        (tx, gen) -> freeze.unfreeze(tx, slug, reason, gen, access::check, writes.requester()));
  }
}
