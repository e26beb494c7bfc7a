package dev.slipway.api.tenants.rest;

import dev.slipway.api.http.ApiException;
import dev.slipway.api.http.Roles;
import dev.slipway.api.idempotency.IdempotencyKey;
import dev.slipway.api.tenants.lifecycle.TenantDeletion;
import dev.slipway.api.tenants.lifecycle.TenantSuspension;
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

/**
 * Admin-only lifecycle safety of one tenant: restore and purge after a DELETE, suspend and resume.
 * Each answers 202 with its operation, or a 409 problem that says why the tenant's lifecycle state
 * does not allow it; each is recorded in the audit trail.
 */
@Path("/v1/tenants/{slug}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class TenantSafetyResource {
  private final TenantDeletion deletion;
  private final TenantSuspension suspension;
  private final TenantWrites writes;
  private final TenantScope access;

  TenantSafetyResource(
      TenantDeletion deletion,
      TenantSuspension suspension,
      TenantWrites writes,
      TenantScope access) {
    this.deletion = deletion;
    this.suspension = suspension;
    this.writes = writes;
    this.access = access;
  }

  /** Body of purge: the slug repeated, so a purge is never a slip. */
  public record PurgeRequest(String confirm) {}

  /** Body of suspend and resume: why, for the audit trail and the tenant's view. */
  public record ReasonRequest(String reason) {}

  /** A deleted tenant back as it was: same id, token, plan and settings, started if it was. */
  @POST
  @Path("/restore")
  public Uni<Response> restore(
      @PathParam("slug") String slug,
      @HeaderParam("If-Match") String ifMatch,
      @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey) {
    return writes.mutate(
        slug,
        ifMatch,
        idempotencyKey,
        "POST",
        "/restore",
        ifMatch,
        (tx, gen) -> deletion.restore(tx, slug, gen, access::check, writes.requester()));
  }

  /** Removes a deleted tenant for good now, without waiting for its grace period to end. */
  @POST
  @Path("/purge")
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<Response> purge(
      @PathParam("slug") String slug,
      PurgeRequest request,
      @HeaderParam("If-Match") String ifMatch,
      @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey) {
    if (request == null) {
      throw ApiException.badRequest(
          "request body is required: {\"confirm\": \"" + "<the tenant's slug>\"}");
    }
    return writes.mutate(
        slug,
        ifMatch,
        idempotencyKey,
        "POST",
        "/purge",
        List.of(request, ifMatch == null ? "" : ifMatch),
        (tx, gen) ->
            deletion.purge(tx, slug, request.confirm(), gen, access::check, writes.requester()));
  }

  @POST
  @Path("/suspend")
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<Response> suspend(
      @PathParam("slug") String slug,
      ReasonRequest request,
      @HeaderParam("If-Match") String ifMatch,
      @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey) {
    String reason = reason(request);
    return writes.mutate(
        slug,
        ifMatch,
        idempotencyKey,
        "POST",
        "/suspend",
        List.of(request, ifMatch == null ? "" : ifMatch),
        (tx, gen) -> suspension.suspend(tx, slug, reason, gen, access::check, writes.requester()));
  }

  @POST
  @Path("/resume")
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<Response> resume(
      @PathParam("slug") String slug,
      ReasonRequest request,
      @HeaderParam("If-Match") String ifMatch,
      @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey) {
    String reason = reason(request);
    return writes.mutate(
        slug,
        ifMatch,
        idempotencyKey,
        "POST",
        "/resume",
        List.of(request, ifMatch == null ? "" : ifMatch),
        (tx, gen) -> suspension.resume(tx, slug, reason, gen, access::check, writes.requester()));
  }

  private static String reason(ReasonRequest request) {
    if (request == null) {
      throw ApiException.badRequest("request body is required: {\"reason\": \"...\"}");
    }
    return request.reason();
  }
}
