package dev.slipway.api.rollouts.rest;

import dev.slipway.api.config.ApiConfig;
import dev.slipway.api.http.ApiDefinition;
import dev.slipway.api.http.Page;
import dev.slipway.api.http.Roles;
import dev.slipway.api.idempotency.IdempotencyKey;
import dev.slipway.api.idempotency.MutationResponses;
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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Fleet rollouts (issue 23): create (or dry-run), read, pause, resume, abort. Creating and
 * controlling is admin-only; ops may read. Blocking: the service runs multi-statement transactions
 * on a worker thread.
 */
@Tag(name = ApiDefinition.ROLLOUTS)
@Path("/v1/rollouts")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class RolloutResource {
  private final RolloutService service;
  private final RolloutControl control;
  private final SecurityIdentity caller;
  private final ApiConfig config;
  private final MutationResponses responses;

  RolloutResource(
      RolloutService service,
      RolloutControl control,
      SecurityIdentity caller,
      ApiConfig config,
      MutationResponses responses) {
    this.service = service;
    this.responses = responses;
    this.control = control;
    this.caller = caller;
    this.config = config;
  }

  /**
   * 202 with the rollout (or bulk operation) and its Location; a dry run answers 200 with the plan.
   * With an Idempotency-Key a retry replays the first response.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      operationId = "createRollout",
      summary = "Start or dry-run a fleet rollout or bulk operation",
      description =
          "Changes the selected tenants (an image version, a gateway config merge patch or a plan) in waves: a canary, then cumulative waves, each gated on its tenants being Ready at their new generation, with a bake time, a failure budget and automatic rollback. A target with an action (stop, start, delete, change-plan) is a bulk operation (kind BULK) run the same way, each tenant through its own lifecycle path; frozen tenants, and for a delete protected ones, are skipped and listed. A destructive one (stop, delete) over the configured count or share of the fleet needs confirm: the exact number of tenants it changes. With dryRun the plan (a rollout's diffs, a bulk operation's skipped tenants and whether it needs confirm) is returned and nothing changes. Send an Idempotency-Key to retry safely.")
  @APIResponse(
      responseCode = "202",
      description = "The rollout is planned and runs in the background (Location: the rollout)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RolloutView.class)))
  @APIResponse(
      responseCode = "200",
      description = "A dry run: the waves, their tenants and each tenant's diff; nothing written",
      content = @Content(mediaType = MediaType.APPLICATION_JSON))
  public Response create(
      RolloutRequest request, @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey) {
    var key = responses.key(caller, idempotencyKey, "POST", "/v1/rollouts", request);
    return MutationResponses.toResponse(service.create(request, actor(), key));
  }

  @GET
  @RolesAllowed({Roles.ADMIN, Roles.OPS})
  @Operation(
      operationId = "listRollouts",
      summary = "List rollouts",
      description =
          "Rollouts newest first, optionally of one status; a page at a time (nextCursor).")
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
  @Operation(
      operationId = "getRollout",
      summary = "Get a rollout",
      description = "The rollout's status, its waves with their tenants and outcomes, and counts.")
  public RolloutView get(@PathParam("id") String id) {
    return control.get(id);
  }

  @POST
  @Path("/{id}/pause")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      operationId = "pauseRollout",
      summary = "Pause a rollout",
      description =
          "No new tenant is changed until it is resumed; tenants already changing finish their gate.")
  public RolloutView pause(@PathParam("id") String id, ControlRequest body) {
    return control.pause(id, actor(), ControlRequest.reasonOf(body));
  }

  @POST
  @Path("/{id}/resume")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      operationId = "resumeRollout",
      summary = "Resume a rollout",
      description = "Continues a paused rollout from where it stopped.")
  public RolloutView resume(@PathParam("id") String id, ControlRequest body) {
    return control.resume(id, actor(), ControlRequest.reasonOf(body));
  }

  @POST
  @Path("/{id}/abort")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      operationId = "abortRollout",
      summary = "Abort a rollout",
      description = "Stops the rollout for good; tenants already changed keep their new spec.")
  public RolloutView abort(@PathParam("id") String id, ControlRequest body) {
    return control.abort(id, actor(), ControlRequest.reasonOf(body));
  }

  private String actor() {
    return caller.getPrincipal().getName();
  }
}
