package dev.slipway.api.rollouts.rest;

import dev.slipway.api.config.ApiConfig;
import dev.slipway.api.http.Page;
import dev.slipway.api.http.Roles;
import dev.slipway.api.rollouts.RolloutControl;
import dev.slipway.api.rollouts.RolloutService;
import dev.slipway.api.rollouts.RolloutView;
import dev.slipway.api.rollouts.planning.RolloutRequest;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Fleet rollouts (issue 23): create (or dry-run), read, pause, resume, abort. Creating and
 * controlling is admin-only; ops may read. Blocking: the service runs multi-statement transactions
 * on a worker thread.
 */
@Path("/v1/rollouts")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class RolloutResource {
  private final RolloutService service;
  private final RolloutControl control;
  private final SecurityIdentity caller;
  private final ApiConfig config;

  RolloutResource(
      RolloutService service, RolloutControl control, SecurityIdentity caller, ApiConfig config) {
    this.service = service;
    this.control = control;
    this.caller = caller;
    this.config = config;
  }

  /** 202 with the rollout and its Location; a dry run answers 200 with the plan and diffs. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  public Response create(RolloutRequest request) {
    Object result = service.create(request, actor());
    if (result instanceof RolloutView view) {
      // Relative, as every other Location of this API (StoredResponse).
      return Response.accepted(view).header("Location", "/v1/rollouts/" + view.id()).build();
    }
    return Response.ok(result).build();
  }

  @GET
  @RolesAllowed({Roles.ADMIN, Roles.OPS})
  public Page<RolloutView> list(
      @QueryParam("status") String status,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") @DefaultValue("20") int limit) {
    int max = config.rollouts().maxPageSize();
    if (limit < 1 || limit > max) {
      throw dev.slipway.api.http.ApiException.invalidField(
          "limit", "limit must be between 1 and " + max);
    }
    return control.list(status, cursor, limit);
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.ADMIN, Roles.OPS})
  public RolloutView get(@PathParam("id") String id) {
    return control.get(id);
  }

  @POST
  @Path("/{id}/pause")
  @RolesAllowed(Roles.ADMIN)
  public RolloutView pause(@PathParam("id") String id, ControlRequest body) {
    return control.pause(id, actor(), ControlRequest.reasonOf(body));
  }

  @POST
  @Path("/{id}/resume")
  @RolesAllowed(Roles.ADMIN)
  public RolloutView resume(@PathParam("id") String id, ControlRequest body) {
    return control.resume(id, actor(), ControlRequest.reasonOf(body));
  }

  @POST
  @Path("/{id}/abort")
  @RolesAllowed(Roles.ADMIN)
  public RolloutView abort(@PathParam("id") String id, ControlRequest body) {
    return control.abort(id, actor(), ControlRequest.reasonOf(body));
  }

  private String actor() {
    return caller.getPrincipal().getName();
  }
}
