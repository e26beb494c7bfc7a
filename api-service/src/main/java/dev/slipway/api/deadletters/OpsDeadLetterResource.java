package dev.slipway.api.deadletters;

import dev.slipway.api.audit.OpsAudit;
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
import dev.slipway.api.jobs.OpsJobRow;
import dev.slipway.api.jobs.OpsRequests;
import dev.slipway.api.jobs.OpsResponses;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

/**
 * Dead letters: list (peek), replay and purge. Blocking methods (they talk to SQS), so they run on
 * worker threads. Replays and purges run as jobs: 202 with {@code Location: /v1/ops/jobs/{id}}.
 */
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
  public Response replay(
      OpsRequests.Replay request, @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey) {
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
  public Response purge(
      OpsRequests.Purge request, @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey) {
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
