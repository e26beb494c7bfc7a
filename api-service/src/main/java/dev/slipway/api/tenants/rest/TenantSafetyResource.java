package dev.slipway.api.tenants.rest;

import dev.slipway.api.audit.OpsAudit;
import dev.slipway.api.http.ApiDefinition;
import dev.slipway.api.http.ApiException;
import dev.slipway.api.http.Roles;
import dev.slipway.api.idempotency.IdempotencyKey;
import dev.slipway.api.tenants.lifecycle.TenantDeletion;
import dev.slipway.api.tenants.lifecycle.TenantSuspension;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Admin-only lifecycle safety of one tenant: restore and purge after a DELETE, suspend and resume.
 * Each answers 202 with its operation, or a 409 problem that says why the tenant's lifecycle state
 * does not allow it; each is recorded in the audit trail.
 */
@Tag(name = ApiDefinition.TENANTS)
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
  public record PurgeRequest(
      @NotEmpty(message = "must repeat the tenant's slug to purge it for good") String confirm) {}

  /** Body of suspend and resume: why, for the audit trail and the tenant's view. */
  public record ReasonRequest(
      @NotBlank(message = OpsAudit.REASON_REQUIRED)
          @Size(max = OpsAudit.MAX_REASON, message = OpsAudit.REASON_TOO_LONG)
          String reason) {}

  /** A deleted tenant back as it was: same id, token, plan and settings, started if it was. */
  @POST
  @Path("/restore")
  @Operation(
      operationId = "restoreTenant",
      summary = "Restore a deleted tenant",
      description =
          "Brings a deleted tenant back as it was: same id, token, plan and settings, started if it was.")
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
  @Operation(
      operationId = "purgeTenant",
      summary = "Purge a deleted tenant",
      description =
          "Removes a deleted tenant for good now, without waiting for its grace period; confirm must repeat the slug.")
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
  public Uni<Response> purge(
      @PathParam("slug") String slug,
      @Valid PurgeRequest request,
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
  @Operation(
      operationId = "suspendTenant",
      summary = "Suspend a tenant",
      description =
          "Takes the tenant offline for an admin decision; the reason is kept for the audit trail and the tenant's view.")
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
  public Uni<Response> suspend(
      @PathParam("slug") String slug,
      @Valid ReasonRequest request,
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
  @Operation(
      operationId = "resumeTenant",
      summary = "Resume a suspended tenant",
      description = "Ends a suspension; the reason is kept for the audit trail.")
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
  public Uni<Response> resume(
      @PathParam("slug") String slug,
      @Valid ReasonRequest request,
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
