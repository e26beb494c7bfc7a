package dev.slipway.api.rest;

import dev.slipway.api.service.OperationService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Operations: the status monitor of every queued change. */
@Path("/v1/operations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class OperationResource {
  private final OperationService operations;

  OperationResource(OperationService operations) {
    this.operations = operations;
  }

  @GET
  @Path("/{id}")
  public Uni<OperationView> get(@PathParam("id") String id) {
    return operations.get(id).map(OperationView::of);
  }
}
