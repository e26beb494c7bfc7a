package dev.slipway.api.rest;

import dev.slipway.api.service.ApiException;
import dev.slipway.api.service.TenantService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Tenants: thin HTTP mapping over {@link TenantService}. */
@Path("/v1/tenants")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class TenantResource {
  private final TenantService tenants;

  TenantResource(TenantService tenants) {
    this.tenants = tenants;
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
                    .location(URI.create("/v1/operations/" + created.operation().id()))
                    .build());
  }

  @GET
  @Path("/{slug}")
  public Uni<TenantView> get(@PathParam("slug") String slug) {
    return tenants.get(slug).map(TenantView::of);
  }
}
