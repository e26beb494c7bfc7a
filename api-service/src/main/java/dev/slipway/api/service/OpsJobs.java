package dev.slipway.api.service;

import dev.slipway.api.repository.OpsJobRepository;
import dev.slipway.api.repository.OpsJobRow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Creating, reading and cancelling replay and purge jobs, each audited in its transaction. */
@ApplicationScoped
public class OpsJobs {
  private final OpsJobRepository jobs;
  private final OpsAudit audit;
  private final OpsJson json;

  OpsJobs(OpsJobRepository jobs, OpsAudit audit, OpsJson json) {
    this.jobs = jobs;
    this.audit = audit;
    this.json = json;
  }

  /** Records a new RUNNING job and its audit record; start it once the transaction committed. */
  public Uni<OpsJobRow> create(SqlClient tx, String actor, JobRequest r) {
    OpsJobRow job =
        new OpsJobRow(
            UUID.randomUUID(),
            r.action(),
            r.mode(),
            actor,
            r.reason(),
            json.write(r.filter()),
            r.maxCount(),
            r.ratePerSecond(),
            "RUNNING",
            0,
            0,
            0,
            0,
            null,
            null,
            null,
            null,
            null);
    return jobs.insert(tx, job)
        .call(
            created ->
                audit.record(
                    tx,
                    actor,
                    r.action().toLowerCase(Locale.ROOT),
                    created.id().toString(),
                    r.filter(),
                    r.reason(),
                    Map.of("maxCount", r.maxCount()),
                    "accepted"));
  }

  public Uni<OpsJobRow> get(String id) {
    return jobs.find(parse(id))
        .map(row -> row.orElseThrow(() -> ApiException.notFound("job " + id)));
  }

  /** Cancels a running job: 404 when unknown, 409 when it already ended. */
  public Uni<OpsJobRow> cancel(SqlClient tx, String id, String actor, String reason) {
    UUID uuid = parse(id);
    return jobs.cancel(tx, uuid)
        .flatMap(
            cancelled ->
                cancelled.isPresent()
                    ? Uni.createFrom().item(cancelled.get())
                    : get(id)
                        .flatMap(
                            job ->
                                Uni.createFrom()
                                    .<OpsJobRow>failure(
                                        ApiException.conflict(
                                            "job "
                                                + id
                                                + " is "
                                                + job.status()
                                                + ", not RUNNING"))))
        .call(
            job ->
                audit.record(
                    tx,
                    actor,
                    "cancel",
                    id,
                    json.filter(job.filter()),
                    reason,
                    OpsAudit.counts(job),
                    "cancelled"));
  }

  private static UUID parse(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("job " + id);
    }
  }
}
