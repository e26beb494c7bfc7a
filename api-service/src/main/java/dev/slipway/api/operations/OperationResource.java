package dev.slipway.api.operations;

import dev.slipway.api.auth.TenantAccess;
import dev.slipway.api.http.ApiDefinition;
import dev.slipway.api.http.ApiException;
import dev.slipway.api.http.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operations: the status monitor of every queued change. */
@Tag(name = ApiDefinition.OPERATIONS)
@Path("/v1/operations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPS, Roles.TENANT})
public class OperationResource {
  private final OperationService operations;
  private final TenantAccess access;

  OperationResource(OperationService operations, TenantAccess access) {
    this.operations = operations;
    this.access = access;
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getOperation",
      summary = "Get an operation",
      description =
          "Where a queued change stands: QUEUED, RUNNING, SUCCEEDED or FAILED (with the reason).")
  public Uni<OperationView> get(@PathParam("id") String id) {
    return operations
        .get(id)
        .map(
            op -> {
              if (!access.mayAccess(op.tenantId())) {
                throw ApiException.notFound("operation " + id);
              }
              OperationView view = OperationView.of(op);
              return access.seesFailureDetail() ? view : view.withoutFailureDetail();
            });
  }
}
