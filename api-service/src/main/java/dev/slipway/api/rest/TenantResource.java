package dev.slipway.api.rest;

import dev.slipway.api.service.ApiException;
import dev.slipway.api.service.TenantAction;
import dev.slipway.api.service.TenantChanged;
import dev.slipway.api.service.TenantLifecycle;
import dev.slipway.api.service.TenantService;
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
import java.net.URI;

/** Tenants: thin HTTP mapping over {@link TenantService} and {@link TenantLifecycle}. */
@Path("/v1/tenants")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class TenantResource {
  private final TenantService tenants;
  private final TenantLifecycle lifecycle;

  TenantResource(TenantService tenants, TenantLifecycle lifecycle) {
    this.tenants = tenants;
    this.lifecycle = lifecycle;
  }

  /**
   * Creates a tenant. 202: the desired state is committed and provisioning is queued; poll the
   * operation in {@code Location}.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<Response> create(CreateTenantRequest request) {
    if (request == null) {
      throw ApiException.badRequest("request body is required: {\"slug\": \"...\"}");
    }
    return tenants
        .create(request.slug())
        .map(
            created ->
                Response.accepted(TenantCreatedView.of(created))
                    .location(operationUri(created.operation().id()))
                    .header(HttpHeaders.ETAG, Preconditions.etag(created.tenant().generation()))
                    .build());
  }

  /** Tenants in slug order, live ones unless a phase is asked for. */
  @GET
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
  public Uni<Response> get(@PathParam("slug") String slug) {
    return tenants
        .get(slug)
        .map(
            row ->
                Response.ok(TenantView.of(row))
                    .header(HttpHeaders.ETAG, Preconditions.etag(row.generation()))
                    .build());
  }

  @POST
  @Path("/{slug}/start")
  public Uni<Response> start(
      @PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch) {
    return act(slug, TenantAction.START, ifMatch);
  }

  @POST
  @Path("/{slug}/stop")
  public Uni<Response> stop(
      @PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch) {
    return act(slug, TenantAction.STOP, ifMatch);
  }

  /** Rotates the gateway token: the new token is in this response only. */
  @POST
  @Path("/{slug}/rotate-token")
  public Uni<Response> rotateToken(
      @PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch) {
    return act(slug, TenantAction.ROTATE_TOKEN, ifMatch);
  }

  /** Removes the tenant's objects; the tenant row is kept, phase DELETED, for audit. */
  @DELETE
  @Path("/{slug}")
  public Uni<Response> delete(
      @PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch) {
    return act(slug, TenantAction.DELETE, ifMatch);
  }

  private Uni<Response> act(String slug, TenantAction action, String ifMatch) {
    return tenants
        .get(slug) // 404 for unknown or invalid slugs before any transaction
        .flatMap(ignored -> lifecycle.apply(slug, action, Preconditions.ifMatch(ifMatch)))
        .map(TenantResource::response);
  }

  private static Response response(TenantChanged changed) {
    Response.ResponseBuilder builder =
        changed.changed()
            ? Response.accepted().location(operationUri(changed.operation().id()))
            : Response.ok();
    return builder
        .entity(TenantChangedView.of(changed))
        .header(HttpHeaders.ETAG, Preconditions.etag(changed.tenant().generation()))
        .build();
  }

  private static URI operationUri(Object operationId) {
    return URI.create("/v1/operations/" + operationId);
  }
}
