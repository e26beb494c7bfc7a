package dev.slipway.api.tenants.rest;

import dev.slipway.api.auth.Requester;
import dev.slipway.api.http.ApiException;
import dev.slipway.api.http.Preconditions;
import dev.slipway.api.http.Roles;
import dev.slipway.api.idempotency.IdempotencyKey;
import dev.slipway.api.idempotency.IdempotentTransactions;
import dev.slipway.api.idempotency.MutationResponses;
import dev.slipway.api.ratelimit.WriteRateLimiter;
import dev.slipway.api.tenants.TenantAction;
import dev.slipway.api.tenants.TenantChanged;
import dev.slipway.api.tenants.TenantLifecycle;
import dev.slipway.api.tenants.TenantService;
import dev.slipway.api.tenants.TenantUpdates;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.BiFunction;

/**
 * One tenant: read, update, lifecycle actions and delete. Thin HTTP mapping over {@link
 * TenantService}, {@link TenantUpdates} and {@link TenantLifecycle}.
 */
@Path("/v1/tenants/{slug}")
@Produces(MediaType.APPLICATION_JSON)
public class TenantItemResource {
  static final String MERGE_PATCH_JSON = "application/merge-patch+json";
  private final TenantService tenants;
  private final TenantUpdates updates;
  private final TenantLifecycle lifecycle;
  private final IdempotentTransactions mutations;
  private final TenantResponses responses;
  private final SecurityIdentity caller;
  private final WriteRateLimiter limiter;
  private final TenantScope access;

  TenantItemResource(
      TenantService tenants,
      TenantUpdates updates,
      TenantLifecycle lifecycle,
      IdempotentTransactions mutations,
      TenantResponses responses,
      SecurityIdentity caller,
      WriteRateLimiter limiter,
      TenantScope access) {
    this.tenants = tenants;
    this.updates = updates;
    this.lifecycle = lifecycle;
    this.mutations = mutations;
    this.responses = responses;
    this.caller = caller;
    this.limiter = limiter;
    this.access = access;
  }

  @GET
  @RolesAllowed({Roles.ADMIN, Roles.OPS, Roles.TENANT})
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
   * Changes the plan, pinned image version or gateway limits (JSON merge-patch semantics). 202 with
   * the UPDATE operation when something changed; 200 and no operation when nothing did.
   */
  @PATCH
  @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH_JSON})
  @RolesAllowed(Roles.ADMIN)
  public Uni<Response> update(
      @PathParam("slug") String slug,
      UpdateTenantRequest request,
      @HeaderParam("If-Match") String ifMatch,
      @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey) {
    if (request == null) {
      throw ApiException.badRequest("request body is required: {\"plan\": \"...\"}");
    }
    var change = request.settings();
    return mutate(
        slug,
        ifMatch,
        idempotencyKey,
        "PATCH",
        "",
        List.of(change, str(ifMatch)),
        (tx, generation) ->
            updates.update(tx, slug, change, generation, access::check, Requester.of(caller)));
  }

  private static String str(String value) {
    return value == null ? "" : value;
  }

  @POST
  @Path("/start")
  @RolesAllowed({Roles.ADMIN, Roles.TENANT})
  public Uni<Response> start(
      @PathParam("slug") String slug,
      @HeaderParam("If-Match") String ifMatch,
      @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey) {
    return act(slug, TenantAction.START, ifMatch, idempotencyKey, "POST", "/start");
  }

  @POST
  @Path("/stop")
  @RolesAllowed({Roles.ADMIN, Roles.TENANT})
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
  public Uni<Response> rotateToken(
      @PathParam("slug") String slug,
      @HeaderParam("If-Match") String ifMatch,
      @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey) {
    return act(slug, TenantAction.ROTATE_TOKEN, ifMatch, idempotencyKey, "POST", "/rotate-token");
  }

  /** Removes the tenant's objects; the tenant row is kept, phase DELETED, for audit. */
  @DELETE
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
    // If-Match is part of the request: a retry with another precondition is another request.
    return mutate(
        slug,
        ifMatch,
        idempotencyKey,
        method,
        suffix,
        ifMatch,
        (tx, generation) ->
            lifecycle.apply(tx, slug, action, generation, access::check, Requester.of(caller)));
  }

  /**
   * The path every write to one tenant takes: the caller's rate limit, the slug's shape, the
   * If-Match precondition, the Idempotency-Key over {@code keyed}, then {@code change} in one
   * transaction with the response stored beside it (or, for a retried key, the stored response once
   * the caller's access to the tenant is checked again).
   */
  private Uni<Response> mutate(
      String slug,
      String ifMatch,
      String idempotencyKey,
      String method,
      String suffix,
      Object keyed,
      BiFunction<SqlClient, OptionalLong, Uni<TenantChanged>> change) {
    limiter.admit(caller.getPrincipal().getName());
    TenantService.requireSlugShape(slug);
    OptionalLong generation = Preconditions.ifMatch(ifMatch);
    var key = responses.key(caller, idempotencyKey, method, "/v1/tenants/" + slug + suffix, keyed);
    return mutations
        .run(
            key,
            tx ->
                change
                    .apply(tx, generation)
                    .map(c -> responses.changed(c, access.seesFailureDetail())),
            // A replay is served only while the caller may still see the tenant.
            tx -> tenants.get(slug).map(access::check).replaceWithVoid())
        .map(MutationResponses::toResponse);
  }
}
