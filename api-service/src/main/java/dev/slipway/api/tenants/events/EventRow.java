package dev.slipway.api.tenants.events;

import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One event of a tenant's timeline as its source table recorded it ({@link TimelineSql}).
 *
 * @param key the event's place among events of the same time: a letter naming the source and the
 *     row's key there; with {@code at} the cursor position
 * @param actor the subject of who asked; null when nobody did (the reconciler's repairs) or it was
 *     not recorded (operations from before migration V10)
 * @param status an operation's status, a dead letter's outcome or a rollout step's state
 * @param detail recorded text for admins and ops: an operation's error, an audit outcome, a dead
 *     letter's or rollout step's detail
 */
public record EventRow(
    OffsetDateTime at,
    String key,
    EventKind kind,
    String action,
    String actor,
    String actorIssuer,
    String status,
    Integer attempts,
    UUID operationId,
    UUID rolloutId,
    String reason,
    String detail,
    OffsetDateTime finishedAt) {

  static EventRow from(Row r) {
    return new EventRow(
        r.getOffsetDateTime("at"),
        r.getString("key"),
        EventKind.valueOf(r.getString("kind")),
        r.getString("action"),
        r.getString("actor"),
        r.getString("actor_issuer"),
        r.getString("status"),
        r.getInteger("attempts"),
        r.getUUID("operation_id"),
        r.getUUID("rollout_id"),
        r.getString("reason"),
        r.getString("detail"),
        r.getOffsetDateTime("finished_at"));
  }
}
