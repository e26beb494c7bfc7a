package dev.slipway.api.deadletters;

import dev.slipway.api.audit.OpsAudit;
import dev.slipway.api.http.ApiDefinition;
import dev.slipway.api.http.ApiException;
import dev.slipway.api.http.Limits;
import dev.slipway.api.http.Roles;
import dev.slipway.api.idempotency.IdempotencyKey;
import dev.slipway.api.idempotency.IdempotentTransactions;
import dev.slipway.api.idempotency.MutationResponses;
import dev.slipway.api.idempotency.StoredResponse;
import dev.slipway.api.jobs.AuditedJobs;
import dev.slipway.api.jobs.DurableJobRunner;
import dev.slipway.api.jobs.JobRequest;
import dev.slipway.api.jobs.JobView;
import dev.slipway.api.jobs.OpsJobRow;
import dev.slipway.api.jobs.OpsRequests;
import dev.slipway.api.jobs.OpsResponses;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Dead letters: list (peek), replay and purge. Blocking methods (they talk to SQS), so they run on
 * worker threads. Replays and purges run as jobs: 202 with {@code Location: /v1/ops/jobs/{id}}.
 */
@Tag(name = ApiDefinition.DEAD_LETTERS)
@Path("/v1/ops/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPS})
public class OpsDeadLetterResource {
  private static final String PATH = "/v1/ops/dead-letters";
  @Inject DeadLetterListing listing;
  @Inject FilterResolver filters;
  @Inject DeadLetterQueue queue;
  @Inject ReplayPreview preview;
  @Inject AuditedJobs jobs;
  @Inject DurableJobRunner runner;
  @Inject OpsAudit audit;
  @Inject OpsRequestMapper requests;
  @Inject OpsResponses responses;
  @Inject MutationResponses mutationResponses;
  @Inject IdempotentTransactions mutations;
  @Inject SecurityIdentity caller;

  /** Peeks (messages stay in the DLQ), oldest first; see the README for the FIFO limitation. */
  @GET
  @Operation(
      operationId = "listDeadLetters",
      summary = "List dead letters",
      description =
          "Peeks at the dead-letter queue (messages stay in it), oldest first, with each command's failure reason.")
  public DeadLetterPageView list(
      @QueryParam("tenant") List<String> tenants,
      @QueryParam("type") List<String> types,
      @QueryParam("minAge") String minAge,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") String limit) {
    int size = Limits.pageSize(limit);
    var filter = filters.resolve(tenants, types, List.of(), minAge, "", true);
    var listed = listing.list(filter, cursor, size);
    return new DeadLetterPageView(
        listed.page().items().stream().map(DeadLetterView::of).toList(),
        listed.page().nextCursor(),
        listed.scanned(),
        listed.scanLimitReached());
  }

  @POST
  @Path("/replay")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "replayDeadLetters",
      summary = "Replay dead letters",
      description =
          "Starts an audited background job that sends matching dead letters back to the command queue; dryRun reports what would happen and changes nothing.")
  @APIResponse(
      responseCode = "202",
      description = "The job is started; Location names it",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = JobView.class)))
  @APIResponse(
      responseCode = "200",
      description = "Dry run: what a replay would do",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DryRunView.class)))
  public Response replay(
      @Valid OpsRequests.Replay request,
      @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey) {
    if (request == null) {
      throw ApiException.badRequest("request body is required: {\"reason\": \"...\"}");
    }
    queue.url(); // 503 before anything else when dead-letter operations are not configured
    JobRequest<DeadLetterFilter> job = requests.replay(request);
    var key = mutationResponses.key(caller, idempotencyKey, "POST", PATH + "/replay", request);
    if (Boolean.TRUE.equals(request.dryRun())) {
      var planned = preview.plan(job.filter(), job.mode(), job.maxCount());
      var view = DryRunView.of(job.mode(), planned);
      return run(
          key,
          tx ->
              audit
                  .record(
                      tx,
                      actor(),
                      "replay",
                      null,
                      job.filter(),
                      job.reason(),
                      view.counts(),
                      "dry_run")
                  .replaceWith(responses.ok(view)),
          null);
    }
    return startJob(key, job);
  }

  @POST
  @Path("/purge")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "purgeDeadLetters",
      summary = "Purge dead letters",
      description =
          "Starts an audited background job that deletes matching dead letters for good; confirm must be true.")
  @APIResponse(
      responseCode = "202",
      description = "The job is started; Location names it",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = JobView.class)))
  public Response purge(
      @Valid OpsRequests.Purge request, @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey) {
    if (request == null) {
      throw ApiException.badRequest("request body is required: {\"confirm\": true, ...}");
    }
    queue.url();
    JobRequest<DeadLetterFilter> job = requests.purge(request);
    var key = mutationResponses.key(caller, idempotencyKey, "POST", PATH + "/purge", request);
    return startJob(key, job);
  }

  private Response startJob(IdempotencyKey key, JobRequest<?> request) {
    AtomicReference<OpsJobRow> created = new AtomicReference<>();
    return run(
        key,
        tx -> jobs.create(tx, actor(), request).invoke(created::set).map(responses::accepted),
        created);
  }

  /** Runs the mutation; a job it created starts once committed (never for a replayed key). */
  private Response run(
      IdempotencyKey key,
      java.util.function.Function<
              io.vertx.mutiny.sqlclient.SqlClient, io.smallrye.mutiny.Uni<StoredResponse>>
          work,
      AtomicReference<OpsJobRow> created) {
    StoredResponse stored = mutations.run(key, work).await().indefinitely();
    if (created != null && created.get() != null && !stored.replayed()) {
      runner.submit(created.get());
    }
    return MutationResponses.toResponse(stored);
  }

  private String actor() {
    return caller.getPrincipal().getName();
  }
}
