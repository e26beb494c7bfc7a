package dev.slipway.api.capacity;

import dev.slipway.api.http.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** What the fleet needs from the cluster and what it costs a month (ops and admin). */
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
  public Uni<CapacityReport> get() {
    return capacity.report();
  }
}
