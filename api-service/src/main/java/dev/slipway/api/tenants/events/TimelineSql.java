package dev.slipway.api.tenants.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The timeline query: a UNION ALL over the tables that already record what happened to a tenant,
 * one branch per source, each reading at most a page through its (tenant, time) index (V1, V16),
 * merged newest first. Reading the sources, rather than copying events into a table of their own at
 * every write, keeps the five writers (API, worker, reconciler, ops jobs, rollouts) unchanged and
 * cannot miss an event a writer forgot to copy.
 *
 * <p>Parameters: $1 tenant id, $2 slug, $3 the tenant's creation, $4/$5 the cursor position (time,
 * key), $6 since, $7 until (both nullable), $8 the row limit.
 */
final class TimelineSql {
  /** Types every parameter, whichever branches the kinds select (unused ones would be untyped). */
  private static final String PARAMETERS =
      "WITH p AS (SELECT $1::uuid, $2::text, $3::timestamptz, $4::timestamptz, $5::text,"
          + " $6::timestamptz, $7::timestamptz, $8::int)";

  private static final String COLUMNS =
      "at, key, kind, action, actor, actor_issuer, status, attempts, operation_id, rollout_id,"
          + " reason, detail, finished_at";

  private TimelineSql() {}

  static String forKinds(Set<EventKind> kinds) {
    List<String> branches = new ArrayList<>();
    if (kinds.contains(EventKind.WRITE) || kinds.contains(EventKind.LIFECYCLE)) {
      branches.add(audit(kinds));
    }
    if (kinds.contains(EventKind.OPERATION) || kinds.contains(EventKind.REPAIR)) {
      branches.add(operations(kinds));
    }
    if (kinds.contains(EventKind.DEAD_LETTER)) {
      branches.add(deadLetters());
    }
    if (kinds.contains(EventKind.ROLLOUT)) {
      branches.add(rolloutStep("changed_at", "c", "'changed'", "NULL"));
      branches.add(rolloutStep("settled_at", "s", "'settled'", "rt.detail"));
    }
    return PARAMETERS
        + " SELECT "
        + COLUMNS
        + " FROM ("
        + String.join(" UNION ALL ", branches)
        + ") e ("
        + COLUMNS
        + ") ORDER BY at DESC, key COLLATE \"C\" DESC LIMIT $8";
  }

  /**
   * Tenant writes, named by slug, while the slug named this tenant (a purged one's may be reused).
   */
  private static String audit(Set<EventKind> kinds) {
    String lifecycle =
        EventKind.LIFECYCLE_ACTIONS.stream()
            .sorted()
            .map(a -> "'" + a + "'")
            .collect(Collectors.joining(", ", "(", ")"));
    String verb = "substring(a.action from 8)";
    String only =
        kinds.contains(EventKind.WRITE) == kinds.contains(EventKind.LIFECYCLE)
            ? ""
            : " AND " + verb + (kinds.contains(EventKind.WRITE) ? " NOT IN " : " IN ") + lifecycle;
    return branch(
        "a.at",
        "'a' || lpad(a.id::text, 19, '0')",
        "CASE WHEN "
            + verb
            + " IN "
            + lifecycle
            + " THEN 'LIFECYCLE' ELSE 'WRITE' END, "
            + verb
            + ", a.actor, a.issuer, NULL, NULL::int,"
            + " substring(a.outcome from '^queued operation ([0-9a-f-]{36})$')::uuid, NULL::uuid,"
            + " a.reason, a.outcome, NULL::timestamptz",
        "ops_audit a",
        "a.target = $2 AND a.action LIKE 'tenant.%' AND a.at >= $3 AND a.at < coalesce((SELECT"
            + " min(n.created_at) FROM tenants n WHERE n.slug = $2 AND n.created_at > $3),"
            + " 'infinity')"
            + only);
  }

  private static String operations(Set<EventKind> kinds) {
    String only =
        kinds.contains(EventKind.OPERATION) == kinds.contains(EventKind.REPAIR)
            ? ""
            : kinds.contains(EventKind.REPAIR)
                ? " AND o.type = 'RECONCILE'"
                : " AND o.type <> 'RECONCILE'";
    return branch(
        "o.queued_at",
        "'o' || o.id::text",
        "CASE WHEN o.type = 'RECONCILE' THEN 'REPAIR' ELSE 'OPERATION' END,"
            + " lower(replace(o.type, '_', '-')), o.requested_by_subject, o.requested_by_issuer,"
            + " o.status, o.attempts, o.id, NULL::uuid, NULL, o.last_error, o.finished_at",
        "operations o",
        "o.tenant_id = $1" + only);
  }

  private static String deadLetters() {
    return branch(
        "d.recorded_at",
        "'d' || d.job_id::text || ':' || d.message_id",
        "'DEAD_LETTER', lower(j.action), j.requested_by, NULL, d.outcome, NULL::int,"
            + " d.operation_id, NULL::uuid, j.reason, d.detail, NULL::timestamptz",
        "dead_letter_outcomes d JOIN ops_jobs j ON j.id = d.job_id",
        "d.tenant_id = $1");
  }

  /** A rollout step's change or settlement: each time is written once, so positions hold. */
  private static String rolloutStep(String column, String suffix, String action, String detail) {
    String at = "rt." + column;
    return branch(
        at,
        "'r' || rt.rollout_id::text || ':" + suffix + "'",
        "'ROLLOUT', lower(r.kind) || '.' || "
            + action
            + ", r.requested_by, NULL, rt.state, NULL::int, NULL::uuid, rt.rollout_id, r.reason, "
            + detail
            + ", NULL::timestamptz",
        "rollout_tenants rt JOIN rollouts r ON r.id = rt.rollout_id",
        "rt.tenant_id = $1 AND " + at + " IS NOT NULL");
  }

  /**
   * One source, newest first from the cursor on, limited: {@code at <= $4} bounds its index scan,
   * the key breaks ties between events of the same microsecond.
   */
  private static String branch(String at, String key, String rest, String from, String where) {
    return "(SELECT "
        + at
        + " AS at, "
        + key
        + " AS key, "
        + rest
        + " FROM "
        + from
        + " WHERE "
        + where
        + " AND "
        + at
        + " <= $4 AND ("
        + at
        + " < $4 OR ("
        + key
        + ") COLLATE \"C\" < $5)"
        + " AND "
        + at
        + " >= coalesce($6, '-infinity') AND "
        + at
        + " < coalesce($7, 'infinity')"
        + " ORDER BY "
        + at
        + " DESC, ("
        + key
        + ") COLLATE \"C\" DESC LIMIT $8)";
  }
}
