package dev.slipway.api.rest;

import dev.slipway.api.service.OperationService;
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
@RolesAllowed(Roles.ADMIN)
public class TenantOperationsResource {
  private final OperationService operations;

  TenantOperationsResource(OperationService operations) {
    this.operations = operations;
  }

  @GET
  public Uni<PageView<OperationView>> list(
      @PathParam("slug") String slug,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") String limit) {
    return operations
        .listForTenant(slug, cursor, Limits.pageSize(limit))
        .map(
            page ->
                new PageView<>(
                    page.items().stream().map(OperationView::of).toList(), page.nextCursor()));
  }
}
