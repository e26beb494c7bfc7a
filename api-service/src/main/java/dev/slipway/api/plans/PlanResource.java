package dev.slipway.api.plans;

import dev.slipway.api.http.ApiException;
import dev.slipway.api.http.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The plan catalogue, readable by every role: tenants choose from it, ops check sizes. */
@Path("/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPS, Roles.TENANT})
public class PlanResource {
  private final PlanCatalog plans;

  PlanResource(PlanCatalog plans) {
    this.plans = plans;
  }

  /** Every plan, in name order, with the default plan's name. */
  @GET
  public PlanListView list() {
    return new PlanListView(
        plans.defaultPlan().name(), plans.all().stream().map(PlanView::of).toList());
  }

  @GET
  @Path("/{name}")
  public PlanView get(@PathParam("name") String name) {
    return plans
        .find(name)
        .map(PlanView::of)
        .orElseThrow(() -> ApiException.notFound("plan '" + name + "'"));
  }

  /** Body of {@code GET /v1/plans}. */
  public record PlanListView(String defaultPlan, List<PlanView> items) {}
}
