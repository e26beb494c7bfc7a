package dev.slipway.api.audit;

import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;

/**
 * One ops audit record.
 *
 * @param target what the action acted on (a job id), or null
 * @param filter the dead-letter filter as JSON, or null
 * @param counts JSON object of counts (total, done, skipped, failed...)
 * @param issuer the actor's token issuer; null for ops actions and records before migration V10
 */
public record AuditRow(
    long id,
    OffsetDateTime at,
    String actor,
    String action,
    String target,
    String filter,
    String reason,
    String counts,
    String outcome,
    String issuer) {

  static final String COLUMNS =
      "id, at, actor, action, target, filter::text AS filter, reason, counts::text AS counts,"
          + " outcome, issuer";

  static AuditRow from(Row r) {
    return new AuditRow(
        r.getLong("id"),
        r.getOffsetDateTime("at"),
        r.getString("actor"),
        r.getString("action"),
        r.getString("target"),
        r.getString("filter"),
        r.getString("reason"),
        r.getString("counts"),
        r.getString("outcome"),
        r.getString("issuer"));
  }
}
