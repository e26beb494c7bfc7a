package dev.slipway.api.jobs;

import dev.slipway.api.audit.OpsAudit;
import dev.slipway.api.audit.OpsJson;
import dev.slipway.api.http.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Creating, reading and cancelling jobs, each audited in its transaction, and the audit record of a
 * job's end.
 */
@ApplicationScoped
public class AuditedJobs {
  private final OpsJobRepository jobs;
  private final OpsAudit audit;
  private final OpsJson json;

  AuditedJobs(OpsJobRepository jobs, OpsAudit audit, OpsJson json) {
    this.jobs = jobs;
    this.audit = audit;
    this.json = json;
  }

  /** Records a new RUNNING job and its audit record; start it once the transaction committed. */
  public Uni<OpsJobRow> create(SqlClient tx, String actor, JobRequest<?> r) {
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
                audit.recordStored(
                    tx, actor, "cancel", id, job.filter(), reason, counts(job), "cancelled"));
  }

  /** A job's end, attributed to whoever asked for it. */
  public Uni<Void> ended(OpsJobRow job) {
    return audit.recordStored(
        null,
        job.requestedBy(),
        job.action().toLowerCase(Locale.ROOT) + ".finished",
        job.id().toString(),
        job.filter(),
        job.reason(),
        counts(job),
        job.status().toLowerCase(Locale.ROOT));
  }

  private static Map<String, Integer> counts(OpsJobRow job) {
    Map<String, Integer> c = new LinkedHashMap<>();
    c.put("total", job.total());
    c.put("done", job.done());
    c.put("skipped", job.skipped());
    c.put("failed", job.failed());
    return c;
  }

  private static UUID parse(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("job " + id);
    }
  }
}
