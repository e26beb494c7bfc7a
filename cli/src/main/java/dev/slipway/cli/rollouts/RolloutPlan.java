package dev.slipway.cli.rollouts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.cli.output.Column;
import dev.slipway.cli.output.Fields;
import dev.slipway.cli.output.Printer;
import dev.slipway.cli.output.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer of a dry run: the tenants of each wave, then one line per field that would change,
 * once per group of tenants with the same change (api-service's DiffSummary: how many tenants, the
 * example whose names the lines show, object, path, before, after).
 */
final class RolloutPlan {
  private static final List<Column> DIFFS =
      List.of(
          Column.of("TENANTS", "count"),
          Column.of("EXAMPLE", "example"),
          Column.of("OBJECT", "object"),
          Column.of("PATH", "path"),
          new Column("BEFORE", c -> Fields.shorten(Fields.text(c, "before"), 50)),
          new Column("AFTER", c -> Fields.shorten(Fields.text(c, "after"), 50)));

  /** A bulk operation's matched tenants it leaves alone. */
  private static final List<Column> SKIPPED =
      List.of(Column.of("SKIPPED", "slug"), Column.of("WHY", "reason"));

  private RolloutPlan() {}

  static void print(Printer printer, JsonNode plan) {
    if (!printer.isTable()) {
      printer.raw(plan);
      return;
    }
    int total = plan.path("total").asInt();
    printer.note("Dry run: " + total + " tenants, nothing was changed.");
    if (plan.path("confirmRequired").asBoolean()) {
      printer.note("It needs the exact count confirmed: --confirm " + total);
    }
    printer.out().print(Table.render(RolloutColumns.PLAN, plan.path("waves")));
    if (!plan.path("skipped").isEmpty()) {
      printer.out().println();
      printer.out().print(Table.render(SKIPPED, plan.path("skipped")));
    }
    List<JsonNode> changes = new ArrayList<>();
    for (JsonNode diff : plan.path("diffs")) {
      for (JsonNode change : diff.path("changes")) {
        changes.add(
            ((com.fasterxml.jackson.databind.node.ObjectNode) change.deepCopy())
                .put("count", diff.path("count").asInt())
                .put("example", diff.path("example").asText()));
      }
    }
    if (!changes.isEmpty()) {
      printer.out().println();
      printer.out().print(Table.render(DIFFS, changes));
    }
    printer.out().flush();
  }
}
