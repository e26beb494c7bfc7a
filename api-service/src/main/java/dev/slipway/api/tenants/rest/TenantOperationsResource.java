package dev.slipway.api.tenants.rest;

import dev.slipway.api.http.ApiDefinition;
import dev.slipway.api.http.Limits;
import dev.slipway.api.http.PageView;
import dev.slipway.api.http.Roles;
import dev.slipway.api.operations.OperationService;
import dev.slipway.api.operations.OperationView;
import dev.slipway.api.tenants.TenantService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A tenant's operations, newest first. */
@Tag(name = ApiDefinition.TENANTS)
@Path("/v1/tenants/{slug}/operations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPS, Roles.TENANT})
public class TenantOperationsResource {
  private final OperationService operations;
  private final TenantService tenants;
  private final TenantScope access;

  TenantOperationsResource(OperationService operations, TenantService tenants, TenantScope access) {
    this.operations = operations;
    this.tenants = tenants;
    this.access = access;
  }

  @GET
  @Operation(
      operationId = "listTenantOperations",
      summary = "List a tenant's operations",
      description = "The tenant's operations, newest first, a page at a time.")
  public Uni<PageView<OperationView>> list(
      @PathParam("slug") String slug,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") String limit) {
    int size = Limits.pageSize(limit);
    return tenants
        .get(slug)
        .map(access::check)
        .flatMap(tenant -> operations.listForTenant(tenant.id(), cursor, size))
        .map(
            page ->
                new PageView<>(
                    page.items().stream().map(access::view).toList(), page.nextCursor()));
  }
}
