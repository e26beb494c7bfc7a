package dev.slipway.api.audit;

import dev.slipway.api.auth.Requester;
import dev.slipway.api.http.ApiException;
import dev.slipway.api.http.Cursors;
import dev.slipway.api.http.Page;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The audit trail: one record per ops action (replay, purge, cancel, a job's end) and per tenant
 * write (create, update, start, stop, rotate-token, delete, restore, purge, suspend, resume,
 * protect, unprotect).
 */
@ApplicationScoped
public class OpsAudit {
  public static final int MAX_REASON = 1000;

  /** Messages of the reason's constraints on the request bodies and of {@link #requireReason}. */
  public static final String REASON_REQUIRED = "reason is required: say why, for the audit";

  public static final String REASON_TOO_LONG = "reason is longer than " + MAX_REASON;
  private final AuditRepository audit;
  private final OpsJson json;

  OpsAudit(AuditRepository audit, OpsJson json) {
    this.audit = audit;
    this.json = json;
  }

  /**
   * Appends a record in the caller's transaction.
   *
   * @param filter what the action selected (stored as JSON), or null
   */
  public Uni<Void> record(
      SqlClient tx,
      String actor,
      String action,
      String target,
      Object filter,
      String reason,
      Map<String, ?> counts,
      String outcome) {
    return recordStored(
        tx,
        actor,
        action,
        target,
        filter == null ? null : json.write(filter),
        reason,
        counts,
        outcome);
  }

  /**
   * As {@link #record}, with the filter already stored as JSON (a job's).
   *
   * @param tx null: in a transaction of its own
   */
  public Uni<Void> recordStored(
      SqlClient tx,
      String actor,
      String action,
      String target,
      String filterJson,
      String reason,
      Map<String, ?> counts,
      String outcome) {
    AuditRow row =
        new AuditRow(
            0, null, actor, action, target, filterJson, reason, json.write(counts), outcome, null);
    return tx == null ? audit.append(row) : audit.append(tx, row);
  }

  /**
   * Records a tenant write that queued an operation, in its transaction: {@code action} is {@code
   * tenant.<verb>} ({@link #tenantAction}), the target the slug, the outcome the operation.
   */
  public Uni<Void> recordTenantWrite(
      SqlClient tx, Requester who, String action, String slug, long generation, UUID operation) {
    return recordTenantWrite(tx, who, action, slug, generation, null, tenantOutcome(operation));
  }

  /**
   * As above for a write that gives a reason (suspend, resume, a purge) or queues no operation
   * (deletion protection): {@code outcome} states what it did; {@code reason} may be null.
   */
  public Uni<Void> recordTenantWrite(
      SqlClient tx,
      Requester who,
      String action,
      String slug,
      long generation,
      String reason,
      String outcome) {
    AuditRow row =
        new AuditRow(
            0,
            null,
            who.subject(),
            action,
            slug,
            null,
            reason,
            json.write(Map.of("generation", generation)),
            outcome,
            who.issuer());
    return audit.append(tx, row);
  }

  /** The audit action of a tenant write: {@code tenant.} and the verb, e.g. rotate-token. */
  public static String tenantAction(String verb) {
    return "tenant." + verb.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The outcome a tenant write's record states: the operation it queued. */
  public static String tenantOutcome(UUID operation) {
    return "queued operation " + operation;
  }

  /** Newest first; {@code cursor} null for the first page. */
  public Uni<Page<AuditRow>> list(String cursor, int limit) {
    OffsetDateTime at = OffsetDateTime.parse("9999-12-31T23:59:59Z");
    long id = Long.MAX_VALUE;
    if (cursor != null) {
      List<String> parts = Cursors.decode(cursor, 2).orElseThrow(() -> Cursors.badCursor(cursor));
      try {
        at = OffsetDateTime.parse(parts.get(0));
        id = Long.parseLong(parts.get(1));
      } catch (RuntimeException e) {
        throw Cursors.badCursor(cursor);
      }
    }
    return audit
        .list(at, id, limit + 1)
        .map(
            rows ->
                Page.of(rows, limit, last -> Cursors.encode(last.at().toString(), "" + last.id())));
  }

  /** The reason an ops request must give: every error is a 422 naming the field. */
  public static String requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw ApiException.invalidField("reason", REASON_REQUIRED);
    }
    if (reason.length() > MAX_REASON) {
      throw ApiException.invalidField("reason", REASON_TOO_LONG);
    }
    return reason.trim();
  }
}
