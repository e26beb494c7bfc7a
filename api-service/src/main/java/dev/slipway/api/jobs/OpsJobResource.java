package dev.slipway.api.jobs;

import dev.slipway.api.audit.OpsAudit;
import dev.slipway.api.http.ApiDefinition;
import dev.slipway.api.http.ApiException;
import dev.slipway.api.http.Roles;
import dev.slipway.api.idempotency.IdempotencyKey;
import dev.slipway.api.idempotency.IdempotentTransactions;
import dev.slipway.api.idempotency.MutationResponses;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Replay and purge jobs: progress, and cancelling a running one. */
@Tag(name = ApiDefinition.JOBS)
@Path("/v1/ops/jobs/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPS})
public class OpsJobResource {
  private final AuditedJobs jobs;
  private final IdempotentTransactions mutations;
  private final MutationResponses keys;
  private final OpsResponses responses;
  private final SecurityIdentity caller;

  OpsJobResource(
      AuditedJobs jobs,
      IdempotentTransactions mutations,
      MutationResponses keys,
      OpsResponses responses,
      SecurityIdentity caller) {
    this.jobs = jobs;
    this.mutations = mutations;
    this.keys = keys;
    this.responses = responses;
    this.caller = caller;
  }

  @GET
  @Operation(
      operationId = "getOpsJob",
      summary = "Get an ops job",
      description = "A replay or purge job's state and progress.")
  public Uni<JobView> get(@PathParam("id") String id) {
    return jobs.get(id).map(JobView::of);
  }

  /**
   * Stops a running job after the message it is on; what it holds goes back to the DLQ. 409 when
   * the job already ended. Body: {@code {"reason": "..."}} (required, for the audit).
   */
  @POST
  @Path("/cancel")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "cancelOpsJob",
      summary = "Cancel an ops job",
      description =
          "Stops a running job after the message it is on; what it holds goes back to the DLQ. 409 when the job already ended.")
  @APIResponse(
      responseCode = "200",
      description = "The job, cancelled",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = JobView.class)))
  public Uni<Response> cancel(
      @PathParam("id") String id,
      @Valid OpsRequests.Cancel request,
      @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey) {
    if (request == null) {
      throw ApiException.badRequest("request body is required: {\"reason\": \"...\"}");
    }
    String reason = OpsAudit.requireReason(request.reason());
    String actor = caller.getPrincipal().getName();
    var key = keys.key(caller, idempotencyKey, "POST", "/v1/ops/jobs/" + id + "/cancel", request);
    return mutations
        .run(
            key, tx -> jobs.cancel(tx, id, actor, reason).map(job -> responses.ok(JobView.of(job))))
        .map(MutationResponses::toResponse);
  }
}
