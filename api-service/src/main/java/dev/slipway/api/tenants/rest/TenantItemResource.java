package dev.slipway.api.tenants.rest;

import dev.slipway.api.http.ApiDefinition;
import dev.slipway.api.http.ApiException;
import dev.slipway.api.http.Preconditions;
import dev.slipway.api.http.Roles;
import dev.slipway.api.idempotency.IdempotencyKey;
import dev.slipway.api.tenants.TenantService;
import dev.slipway.api.tenants.TenantUpdates;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One tenant: read and update. Thin HTTP mapping over {@link TenantService} and {@link
 * TenantUpdates}; start, stop and token rotation are in {@link TenantLifecycleResource}, delete in
 * {@link TenantSoftDeleteResource}, restore, purge, suspend and resume in {@link
 * TenantSafetyResource}.
 */
@Tag(name = ApiDefinition.TENANTS)
@Path("/v1/tenants/{slug}")
@Produces(MediaType.APPLICATION_JSON)
public class TenantItemResource {
  static final String MERGE_PATCH_JSON = "application/merge-patch+json";
  private final TenantService tenants;
  private final TenantUpdates updates;
  private final TenantWrites writes;
  private final TenantScope access;

  TenantItemResource(
      TenantService tenants, TenantUpdates updates, TenantWrites writes, TenantScope access) {
    this.tenants = tenants;
    this.updates = updates;
    this.writes = writes;
    this.access = access;
  }

  @GET
  @RolesAllowed({Roles.ADMIN, Roles.OPS, Roles.TENANT})
  @Operation(
      operationId = "getTenant",
      summary = "Get a tenant",
      description =
          "The tenant's desired and observed state; the ETag is its generation, for If-Match on writes.")
  @APIResponse(
      responseCode = "200",
      description = "The tenant (ETag: its generation)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TenantView.class)))
  public Uni<Response> get(@PathParam("slug") String slug) {
    return tenants
        .get(slug)
        .map(access::check)
        .map(
            row ->
                Response.ok(access.view(row))
                    .header(HttpHeaders.ETAG, Preconditions.etag(row.generation()))
                    .build());
  }

  /**
   * Changes the plan, pinned image version, gateway limits or labels (JSON merge-patch semantics).
   * 202 with the UPDATE operation when a setting changed; 200 and no operation when nothing did or
   * only labels or deletion protection did (neither is desired state of the workload).
   */
  @PATCH
  @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH_JSON})
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      operationId = "updateTenant",
      summary = "Change a tenant",
      description =
          "Changes the plan, pinned image version, gateway limits or deletion protection, with JSON merge-patch meaning: members left out keep their values.")
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
  public Uni<Response> update(
      @PathParam("slug") String slug,
      @Valid UpdateTenantRequest request,
      @HeaderParam("If-Match") String ifMatch,
      @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey) {
    if (request == null) {
      throw ApiException.badRequest("request body is required: {\"plan\": \"...\"}");
    }
    var change = request.settings();
    var protection = request.protection();
    var labels = request.getLabels();
    return writes.mutate(
        slug,
        ifMatch,
        idempotencyKey,
        "PATCH",
        "",
        labels == null
            ? List.of(change, protection, str(ifMatch))
            : List.of(change, protection, str(ifMatch), labels),
        (tx, generation) ->
            updates.update(
                tx,
                slug,
                change,
                protection,
                labels,
                generation,
                access::check,
                writes.requester()));
  }

  private static String str(String value) {
    return value == null ? "" : value;
  }
}
