package dev.slipway.cli.rollouts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.cli.output.Column;
import dev.slipway.cli.output.Fields;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Table columns of api-service's RolloutView and the dry-run plan of POST /v1/rollouts. */
final class RolloutColumns {
  /** Statuses after which nothing changes any more (api-service README, "Fleet rollouts"). */
  static final Set<String> FINAL = Set.of("SUCCEEDED", "ROLLED_BACK", "ABORTED");

  private RolloutColumns() {}

  static List<Column> list(Clock clock) {
    return List.of(
        Column.of("ID", "id"),
        Column.of("STATUS", "status"),
        new Column("TARGET", r -> target(r.path("target"))),
        new Column("WAVE", RolloutColumns::wave),
        new Column("PROGRESS", RolloutColumns::progress),
        Column.of("FLEET VERSION", "fleetVersion"),
        new Column("AGE", r -> Fields.age(r, "createdAt", clock.instant())),
        new Column("REASON", r -> Fields.shorten(Fields.text(r, "reason"), 40)));
  }

  static List<Column> details(Clock clock) {
    List<Column> fields = new ArrayList<>();
    fields.add(Column.of("id", "id"));
    fields.add(Column.of("status", "status"));
    fields.add(new Column("target", r -> target(r.path("target"))));
    fields.add(Column.of("selector", "selector"));
    fields.add(Column.of("strategy", "strategy"));
    fields.add(Column.of("fleet version", "fleetVersion"));
    fields.add(new Column("wave", RolloutColumns::wave));
    fields.add(new Column("progress", RolloutColumns::progress));
    fields.add(Column.of("reason", "reason"));
    fields.add(Column.of("requested by", "requestedBy"));
    fields.add(new Column("age", r -> Fields.age(r, "createdAt", clock.instant())));
    fields.add(Column.of("last error", "lastError"));
    return fields;
  }

  /** One row per wave: its status and its tenants' states. */
  static final List<Column> WAVES =
      List.of(
          new Column(
              "WAVE",
              w -> w.path("index").asText() + (w.path("canary").asBoolean() ? " (canary)" : "")),
          Column.of("STATUS", "status"),
          new Column("TENANTS", w -> Fields.shorten(tenants(w.path("tenants")), 80)));

  /** One row per wave of a dry run: the tenants it would change. */
  static final List<Column> PLAN =
      List.of(
          new Column(
              "WAVE",
              w -> w.path("index").asText() + (w.path("canary").asBoolean() ? " (canary)" : "")),
          new Column("COUNT", w -> String.valueOf(w.path("tenants").size())),
          new Column("TENANTS", w -> Fields.shorten(tenants(w.path("tenants")), 80)));

  static String target(JsonNode target) {
    if (target.hasNonNull("action")) {
      String action = "bulk " + target.get("action").asText();
      return target.hasNonNull("plan") ? action + " " + target.get("plan").asText() : action;
    }
    if (target.hasNonNull("imageVersion")) {
      return "image " + target.get("imageVersion").asText();
    }
    if (target.hasNonNull("plan")) {
      return "plan " + target.get("plan").asText();
    }
    return target.hasNonNull("gatewayConfig") ? "gateway " + target.get("gatewayConfig") : "";
  }

  static String wave(JsonNode r) {
    int waves = r.path("waves").size();
    return Math.min(r.path("currentWave").asInt() + 1, waves) + "/" + waves;
  }

  static String progress(JsonNode r) {
    JsonNode c = r.path("counts");
    String line = c.path("ready").asInt() + "/" + c.path("total").asInt() + " ready";
    for (String state : List.of("changing", "failed", "skipped", "rolledBack")) {
      if (c.path(state).asInt() > 0) {
        line += ", " + c.path(state).asInt() + " " + state;
      }
    }
    return line;
  }

  /** Slugs, with the state when the tenants are objects (a rollout) rather than names (a plan). */
  private static String tenants(JsonNode tenants) {
    List<String> out = new ArrayList<>();
    for (JsonNode t : tenants) {
      out.add(
          t.isTextual() ? t.asText() : t.path("slug").asText() + ":" + t.path("state").asText());
    }
    return String.join(" ", out);
  }
}
