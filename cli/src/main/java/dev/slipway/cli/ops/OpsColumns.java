package dev.slipway.cli.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.cli.Durations;
import dev.slipway.cli.output.Column;
import dev.slipway.cli.output.Fields;
import java.time.Duration;
import java.util.List;

/** Table columns of the ops views (api-service DeadLetterView, JobView, AuditView...). */
final class OpsColumns {
  private OpsColumns() {}

  static final List<Column> DEAD_LETTERS =
      List.of(
          Column.of("MESSAGE ID", "messageId"),
          new Column("TENANT", d -> or(Fields.text(d, "slug"), Fields.text(d, "tenantId"))),
          new Column("TYPE", d -> or(Fields.text(d, "type"), "unreadable")),
          Column.of("GENERATION", "generation"),
          Column.of("RECEIVES", "receiveCount"),
          new Column(
              "AGE", d -> Durations.brief(Duration.ofSeconds(d.path("ageSeconds").asLong()))),
          new Column(
              "FAILURE REASON",
              d ->
                  Fields.shorten(
                      or(Fields.text(d, "failureReason"), Fields.text(d, "unreadable")), 70)));

  static final List<Column> JOB =
      List.of(
          Column.of("ID", "id"),
          Column.of("ACTION", "action"),
          Column.of("MODE", "mode"),
          Column.of("STATUS", "status"),
          new Column("PROGRESS", OpsColumns::progress),
          Column.of("REQUESTED BY", "requestedBy"),
          new Column("REASON", j -> Fields.shorten(Fields.text(j, "reason"), 50)));

  static final List<Column> DRY_RUN =
      List.of(
          Column.of("MESSAGE ID", "messageId"),
          Column.of("TENANT", "tenantId"),
          Column.of("TYPE", "type"),
          Column.of("GENERATION", "generation"),
          Column.of("ACTION", "action"),
          new Column("REASON", i -> Fields.shorten(Fields.text(i, "reason"), 60)));

  static final List<Column> RECONCILE_RUNS =
      List.of(
          Column.of("ID", "id"),
          Column.of("STARTED", "startedAt"),
          Column.of("MODE", "mode"),
          Column.of("OUTCOME", "outcome"),
          Column.of("TENANTS", "tenantsScanned"),
          new Column(
              "DRIFT M/SP/ST/STUCK/O",
              r ->
                  String.join(
                      "/",
                      Fields.text(r, "drift.missing"),
                      Fields.text(r, "drift.spec"),
                      Fields.text(r, "drift.status"),
                      Fields.text(r, "drift.stuck"),
                      Fields.text(r, "drift.orphan"))),
          Column.of("REPAIRS", "repairs.enqueued"),
          Column.of("ERRORS", "errors"));

  static final List<Column> AUDIT =
      List.of(
          Column.of("ID", "id"),
          Column.of("AT", "at"),
          Column.of("ACTOR", "actor"),
          Column.of("ACTION", "action"),
          Column.of("TARGET", "target"),
          Column.of("OUTCOME", "outcome"),
          new Column("REASON", a -> Fields.shorten(Fields.text(a, "reason"), 50)));

  static final List<Column> CAPACITY =
      List.of(
          Column.of("pods", "pods"),
          Column.of("cpu requested (cores)", "requested.cpuCores"),
          Column.of("memory requested (bytes)", "requested.memoryBytes"),
          Column.of("cpu limits (cores)", "limits.cpuCores"),
          Column.of("memory limits (bytes)", "limits.memoryBytes"),
          new Column(
              "nodes",
              c ->
                  Fields.text(c, "nodes.needed")
                      + " x "
                      + Fields.text(c, "nodes.type")
                      + " (bound by "
                      + Fields.text(c, "nodes.boundBy")
                      + ")"),
          Column.of("monthly cost", "monthlyCost.total"),
          Column.of("per tenant", "monthlyCost.perTenant"));

  static final List<Column> CAPACITY_TENANTS =
      List.of(
          Column.of("PLAN", "plan"), Column.of("PHASE", "phase"), Column.of("TENANTS", "tenants"));

  /** done + skipped + failed of total, with the three counts. */
  static String progress(JsonNode j) {
    int handled = handled(j);
    return handled
        + "/"
        + j.path("total").asInt()
        + " (done "
        + j.path("done").asInt()
        + ", skipped "
        + j.path("skipped").asInt()
        + ", failed "
        + j.path("failed").asInt()
        + ")";
  }

  static int handled(JsonNode j) {
    return j.path("done").asInt() + j.path("skipped").asInt() + j.path("failed").asInt();
  }

  private static String or(String s, String fallback) {
    return s.isEmpty() ? fallback : s;
  }
}
