package dev.slipway.api.plans;

import dev.slipway.api.http.ApiDefinition;
import dev.slipway.api.http.ApiException;
import dev.slipway.api.http.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The plan catalogue, readable by every role: tenants choose from it, ops check sizes. */
@Tag(name = ApiDefinition.PLANS)
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
  @Operation(
      operationId = "listPlans",
      summary = "List plans",
      description = "Every plan, in name order, with the default plan's name.")
  public PlanListView list() {
    return new PlanListView(
        plans.defaultPlan().name(), plans.all().stream().map(PlanView::of).toList());
  }

  @GET
  @Path("/{name}")
  @Operation(
      operationId = "getPlan",
      summary = "Get a plan",
      description = "One plan's sizing, autoscaling and gateway limits.")
  public PlanView get(@PathParam("name") String name) {
    return plans
        .find(name)
        .map(PlanView::of)
        .orElseThrow(() -> ApiException.notFound("plan '" + name + "'"));
  }

  /** Body of {@code GET /v1/plans}. */
  public record PlanListView(String defaultPlan, List<PlanView> items) {}
}
