package dev.slipway.api.tenants.rest;

import dev.slipway.api.auth.Requester;
import dev.slipway.api.http.ApiDefinition;
import dev.slipway.api.http.ApiException;
import dev.slipway.api.http.Limits;
import dev.slipway.api.http.PageView;
import dev.slipway.api.http.Roles;
import dev.slipway.api.idempotency.IdempotencyKey;
import dev.slipway.api.idempotency.IdempotentTransactions;
import dev.slipway.api.idempotency.MutationResponses;
import dev.slipway.api.ratelimit.WriteRateLimiter;
import dev.slipway.api.tenants.TenantListing;
import dev.slipway.api.tenants.TenantService;
import dev.slipway.api.tenants.labels.LabelSelector;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The tenant collection: create and list. One tenant's resources are in {@link TenantItemResource}.
 */
@Tag(name = ApiDefinition.TENANTS)
@Path("/v1/tenants")
@Produces(MediaType.APPLICATION_JSON)
public class TenantResource {
  private final TenantService tenants;
  private final TenantListing listing;
  private final IdempotentTransactions mutations;
  private final TenantResponses responses;
  private final SecurityIdentity caller;
  private final WriteRateLimiter limiter;

  TenantResource(
      TenantService tenants,
      TenantListing listing,
      IdempotentTransactions mutations,
      TenantResponses responses,
      SecurityIdentity caller,
      WriteRateLimiter limiter) {
    this.tenants = tenants;
    this.listing = listing;
    this.mutations = mutations;
    this.responses = responses;
    this.caller = caller;
    this.limiter = limiter;
  }

  /**
   * Creates a tenant. 202: the desired state is committed and provisioning is queued; poll the
   * operation in {@code Location}.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      operationId = "createTenant",
      summary = "Create a tenant",
      description =
          "Records the tenant and queues its provisioning in one transaction. The gateway token is in this response only. Send an Idempotency-Key to retry safely.")
  @APIResponse(
      responseCode = "202",
      description = "Created; provisioning is queued. Location names the operation to poll",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TenantCreatedView.class)))
  public Uni<Response> create(
      @Valid CreateTenantRequest request,
      @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey) {
    if (request == null) {
      throw ApiException.badRequest("request body is required: {\"slug\": \"...\"}");
    }
    limiter.admit(caller.getPrincipal().getName());
    var key = responses.key(caller, idempotencyKey, "POST", "/v1/tenants", request);
    return mutations
        .runOneStatement(
            key,
            tx ->
                tenants
                    .create(
                        tx,
                        request.slug(),
                        request.settings(),
                        request.checkedLabels(),
                        request.protection(),
                        Requester.of(caller))
                    .map(responses::created))
        .map(MutationResponses::toResponse);
  }

  /**
   * Tenants in slug order, live ones unless a phase is asked for; optionally of one plan and with
   * labels ({@code label=key=value}, repeatable: every one must match).
   */
  @GET
  @RolesAllowed({Roles.ADMIN, Roles.OPS})
  @Operation(
      operationId = "listTenants",
      summary = "List tenants",
      description =
          "Tenants in slug order, live ones unless a phase is asked for, optionally of one plan and with labels (label=key=value, repeatable: every one must match); a page at a time (nextCursor).")
  public Uni<PageView<TenantView>> list(
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") String limit,
      @QueryParam("phase") String phase,
      @QueryParam("plan") String plan,
      @QueryParam("label") List<String> labels) {
    return listing
        .page(
            cursor,
            Limits.phase(phase),
            Limits.plan(plan),
            LabelSelector.toJson(labels),
            Limits.pageSize(limit))
        .map(
            page ->
                new PageView<>(
                    page.items().stream().map(TenantView::of).toList(), page.nextCursor()));
  }
}
