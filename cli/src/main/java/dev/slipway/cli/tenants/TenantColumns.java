package dev.slipway.cli.tenants;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.cli.output.Column;
import dev.slipway.cli.output.Fields;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** What a table shows of a tenant (api-service TenantView) and of an operation (OperationView). */
final class TenantColumns {
  private TenantColumns() {}

  static List<Column> list(Clock clock) {
    return List.of(
        Column.of("SLUG", "slug"),
        Column.of("PHASE", "phase"),
        Column.of("DESIRED", "desiredState"),
        Column.of("PLAN", "plan"),
        new Column("READY", TenantColumns::ready),
        new Column("GENERATION", TenantColumns::generation),
        Column.of("NAMESPACE", "namespace"),
        new Column("AGE", t -> Fields.age(t, "createdAt", clock.instant())));
  }

  static List<Column> details() {
    return List.of(
        Column.of("slug", "slug"),
        Column.of("id", "id"),
        Column.of("namespace", "namespace"),
        Column.of("plan", "plan"),
        Column.of("desired", "desiredState"),
        Column.of("phase", "phase"),
        new Column("ready", TenantColumns::ready),
        new Column("generation", TenantColumns::generation),
        new Column("image", t -> or(Fields.text(t, "imageVersion"), "(platform image)")),
        Column.of("fleet version", "fleetVersion"),
        Column.of("labels", "labels"),
        new Column(
            "frozen",
            t ->
                t.path("frozen").isObject()
                    ? Fields.text(t, "frozen.reason") + " (by " + Fields.text(t, "frozen.by") + ")"
                    : ""),
        Column.of("gateway url", "gatewayUrl"),
        new Column("conditions", TenantColumns::conditions),
        Column.of("last error", "lastError"),
        Column.of("created", "createdAt"),
        Column.of("updated", "updatedAt"));
  }

  static List<Column> operations() {
    return List.of(
        Column.of("ID", "id"),
        Column.of("TYPE", "type"),
        Column.of("STATUS", "status"),
        Column.of("GENERATION", "generation"),
        Column.of("ATTEMPTS", "attempts"),
        Column.of("QUEUED", "queuedAt"),
        new Column("LAST ERROR", o -> Fields.shorten(Fields.text(o, "lastError"), 60)));
  }

  /** Ready replicas of those a started tenant runs. */
  static String ready(JsonNode t) {
    return Fields.text(t, "readyReplicas") + "/" + Fields.text(t, "replicas");
  }

  /** Observed of desired generation: equal once the worker applied the latest change. */
  static String generation(JsonNode t) {
    return Fields.text(t, "observedGeneration") + "/" + Fields.text(t, "generation");
  }

  private static String conditions(JsonNode t) {
    return StreamSupport.stream(t.path("conditions").spliterator(), false)
        .map(c -> Fields.text(c, "type") + "=" + Fields.text(c, "status") + reason(c))
        .collect(Collectors.joining(", "));
  }

  private static String reason(JsonNode c) {
    String r = Fields.text(c, "reason");
    return r.isEmpty() ? "" : " (" + r + ")";
  }

  private static String or(String s, String fallback) {
    return s.isEmpty() ? fallback : s;
  }
}
