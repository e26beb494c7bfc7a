package dev.slipway.api.rest;

import dev.slipway.api.idempotency.IdempotencyKey;
import dev.slipway.api.idempotency.Mutations;
import dev.slipway.api.service.ApiException;
import dev.slipway.api.service.TenantAction;
import dev.slipway.api.service.TenantLifecycle;
import dev.slipway.api.service.TenantService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.OptionalLong;

/** Tenants: thin HTTP mapping over {@link TenantService} and {@link TenantLifecycle}. */
@Path("/v1/tenants")
@Produces(MediaType.APPLICATION_JSON)
public class TenantResource {
  private final TenantService tenants;
  private final TenantLifecycle lifecycle;
  private final Mutations mutations;
  private final MutationResponses responses;
  private final SecurityIdentity caller;
  private final TenantAccess access;

  TenantResource(
      TenantService tenants,
      TenantLifecycle lifecycle,
      Mutations mutations,
      MutationResponses responses,
      SecurityIdentity caller,
      TenantAccess access) {
    this.tenants = tenants;
    this.lifecycle = lifecycle;
    this.mutations = mutations;
    this.responses = responses;
    this.caller = caller;
    this.access = access;
  }

  /**
   * Creates a tenant. 202: the desired state is committed and provisioning is queued; poll the
   * operation in {@code Location}.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  public Uni<Response> create(
      CreateTenantRequest request, @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey) {
    if (request == null) {
      throw ApiException.badRequest("request body is required: {\"slug\": \"...\"}");
    }
    var key = responses.key(caller, idempotencyKey, "POST", "/v1/tenants", request);
    return mutations
        .run(key, tx -> tenants.create(tx, request.slug()).map(responses::created))
        .map(MutationResponses::toResponse);
  }

  /** Tenants in slug order, live ones unless a phase is asked for. */
  @GET
  @RolesAllowed({Roles.ADMIN, Roles.OPS})
  public Uni<PageView<TenantView>> list(
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") String limit,
      @QueryParam("phase") String phase) {
    return tenants
        .list(cursor, Limits.phase(phase), Limits.pageSize(limit))
        .map(
            page ->
                new PageView<>(
                    page.items().stream().map(TenantView::of).toList(), page.nextCursor()));
  }

  @GET
  @Path("/{slug}")
  @RolesAllowed({Roles.ADMIN, Roles.OPS, Roles.TENANT})
  public Uni<Response> get(@PathParam("slug") String slug) {
    return tenants
        .get(slug)
        .map(access::check)
        .map(
            row ->
                Response.ok(TenantView.of(row))
                    .header(HttpHeaders.ETAG, Preconditions.etag(row.generation()))
                    .build());
  }

  @POST
  @Path("/{slug}/start")
  @RolesAllowed({Roles.ADMIN, Roles.TENANT})
  public Uni<Response> start(
      @PathParam("slug") String slug,
      @HeaderParam("If-Match") String ifMatch,
      @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey) {
    return act(slug, TenantAction.START, ifMatch, idempotencyKey, "POST", "/start");
  }

  @POST
  @Path("/{slug}/stop")
  @RolesAllowed({Roles.ADMIN, Roles.TENANT})
  public Uni<Response> stop(
      @PathParam("slug") String slug,
      @HeaderParam("If-Match") String ifMatch,
      @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey) {
    return act(slug, TenantAction.STOP, ifMatch, idempotencyKey, "POST", "/stop");
  }

  /** Rotates the gateway token: the new token is in this response only. */
  @POST
  @Path("/{slug}/rotate-token")
  @RolesAllowed({Roles.ADMIN, Roles.TENANT})
  public Uni<Response> rotateToken(
      @PathParam("slug") String slug,
      @HeaderParam("If-Match") String ifMatch,
      @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey) {
    return act(slug, TenantAction.ROTATE_TOKEN, ifMatch, idempotencyKey, "POST", "/rotate-token");
  }

  /** Removes the tenant's objects; the tenant row is kept, phase DELETED, for audit. */
  @DELETE
  @Path("/{slug}")
  @RolesAllowed(Roles.ADMIN)
  public Uni<Response> delete(
      @PathParam("slug") String slug,
      @HeaderParam("If-Match") String ifMatch,
      @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey) {
    return act(slug, TenantAction.DELETE, ifMatch, idempotencyKey, "DELETE", "");
  }

  private Uni<Response> act(
      String slug,
      TenantAction action,
      String ifMatch,
      String idempotencyKey,
      String method,
      String suffix) {
    OptionalLong generation = Preconditions.ifMatch(ifMatch);
    // If-Match is part of the request: a retry with another precondition is another request.
    var key =
        responses.key(caller, idempotencyKey, method, "/v1/tenants/" + slug + suffix, ifMatch);
    return mutations
        .run(
            key,
            tx ->
                lifecycle
                    .apply(tx, slug, action, generation, access::check)
                    .map(responses::changed))
        .map(MutationResponses::toResponse);
  }
}
