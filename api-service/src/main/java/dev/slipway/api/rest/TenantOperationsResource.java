package dev.slipway.api.rest;

import dev.slipway.api.service.OperationService;
import dev.slipway.api.service.TenantService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** A tenant's operations, newest first. */
@Path("/v1/tenants/{slug}/operations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPS, Roles.TENANT})
public class TenantOperationsResource {
  private final OperationService operations;
  private final TenantService tenants;
  private final TenantAccess access;

  TenantOperationsResource(
      OperationService operations, TenantService tenants, TenantAccess access) {
    this.operations = operations;
    this.tenants = tenants;
    this.access = access;
  }

  @GET
  public Uni<PageView<OperationView>> list(
      @PathParam("slug") String slug,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") String limit) {
    int size = Limits.pageSize(limit);
    return tenants
        .get(slug)
        .map(access::check)
        .flatMap(tenant -> operations.listForTenant(tenant, cursor, size))
        .map(
            page ->
                new PageView<>(
                    page.items().stream().map(OperationView::of).toList(), page.nextCursor()));
  }
}
