package dev.slipway.api.capacity;

import dev.slipway.api.http.ApiDefinition;
import dev.slipway.api.http.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the fleet needs from the cluster and what it costs a month (ops and admin). */
@Tag(name = ApiDefinition.CAPACITY)
@Path("/v1/ops/capacity")
@Produces(MediaType.APPLICATION_JSON)
public class CapacityResource {
  private final CapacityService capacity;

  CapacityResource(CapacityService capacity) {
    this.capacity = capacity;
  }

  /** Tenants by plan and phase, requested and limited CPU/memory, nodes needed, monthly cost. */
  @GET
  @RolesAllowed({Roles.ADMIN, Roles.OPS})
  @Operation(
      operationId = "getCapacity",
      summary = "Get the fleet's capacity",
      description =
          "Tenants by plan and phase, requested and limited CPU and memory, nodes needed and monthly cost.")
  public Uni<CapacityReport> get() {
    return capacity.report();
  }
}
