package dev.slipway.api.service;

import dev.slipway.api.repository.AuditRepository;
import dev.slipway.api.repository.AuditRow;
import dev.slipway.api.repository.Cursors;
import dev.slipway.api.repository.OpsJobRow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ops audit trail: one record per action (replay, purge, cancel, a job's end). */
@ApplicationScoped
public class OpsAudit {
  private final AuditRepository audit;
  private final OpsJson json;

  OpsAudit(AuditRepository audit, OpsJson json) {
    this.audit = audit;
    this.json = json;
  }

  /** Appends a record in the caller's transaction. */
  public Uni<Void> record(
      SqlClient tx,
      String actor,
      String action,
      String target,
      DeadLetterFilter filter,
      String reason,
      Map<String, ?> counts,
      String outcome) {
    return audit.append(
        tx,
        new AuditRow(
            0,
            null,
            actor,
            action,
            target,
            filter == null ? null : json.write(filter),
            reason,
            json.write(counts),
            outcome));
  }

  /** A job's end, attributed to whoever asked for it. */
  public Uni<Void> jobEnded(OpsJobRow job) {
    return audit.append(
        new AuditRow(
            0,
            null,
            job.requestedBy(),
            job.action().toLowerCase(java.util.Locale.ROOT) + ".finished",
            job.id().toString(),
            job.filter(),
            job.reason(),
            json.write(counts(job)),
            job.status().toLowerCase(java.util.Locale.ROOT)));
  }

  static Map<String, Integer> counts(OpsJobRow job) {
    Map<String, Integer> c = new LinkedHashMap<>();
    c.put("total", job.total());
    c.put("done", job.done());
    c.put("skipped", job.skipped());
    c.put("failed", job.failed());
    return c;
  }

  /** Newest first; {@code cursor} null for the first page. */
  public Uni<Page<AuditRow>> list(String cursor, int limit) {
    OffsetDateTime at = OffsetDateTime.parse("9999-12-31T23:59:59Z");
    long id = Long.MAX_VALUE;
    if (cursor != null) {
      List<String> parts =
          Cursors.decode(cursor, 2).orElseThrow(() -> TenantService.badCursor(cursor));
      try {
        at = OffsetDateTime.parse(parts.get(0));
        id = Long.parseLong(parts.get(1));
      } catch (RuntimeException e) {
        throw TenantService.badCursor(cursor);
      }
    }
    return audit
        .list(at, id, limit + 1)
        .map(
            rows ->
                Page.of(rows, limit, last -> Cursors.encode(last.at().toString(), "" + last.id())));
  }
}
