package dev.slipway.cli.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.cli.CommandGroup;
import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.Session;
import dev.slipway.cli.output.Column;
import dev.slipway.cli.output.Fields;
import dev.slipway.cli.output.Printer;
import dev.slipway.cli.output.Table;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code fleet get}: the fleet's default and its versions, GET /v1/fleet (admin and ops). */
@Command(
    name = "fleet",
    description = "The fleet's default gateway image and config, and its versions.",
    subcommands = {FleetCommand.Get.class})
public final class FleetCommand extends CommandGroup {
  static final List<Column> VERSIONS =
      List.of(
          Column.of("VERSION", "version"),
          Column.of("IMAGE", "imageVersion"),
          Column.of("GATEWAY CONFIG", "gatewayConfig"),
          Column.of("TENANTS", "tenants"),
          new Column("PROMOTED", v -> v.hasNonNull("promotedAt") ? "yes" : "no"),
          Column.of("ROLLOUT", "rolloutId"),
          new Column("REASON", v -> Fields.shorten(Fields.text(v, "reason"), 40)));

  @Command(name = "get", description = "The default version, every version, pinned tenants.")
  static final class Get implements Callable<Integer> {
    private final Session session;

    Get(Session session) {
      this.session = session;
    }

    @Override
    public Integer call() {
      JsonNode fleet = session.api().get("v1/fleet", Map.of()).body();
      Printer printer = session.printer();
      if (!printer.isTable()) {
        printer.raw(fleet);
        return ExitCodes.OK;
      }
      JsonNode d = fleet.path("default");
      printer.note(
          String.format(
              "default: version %s, image %s, gateway config %s",
              Fields.text(d, "version"),
              Fields.text(d, "imageVersion"),
              Fields.text(d, "gatewayConfig")));
      printer.note(
          "pinned tenants: "
              + fleet.path("pinned").asInt()
              + ", unassigned: "
              + fleet.path("unassigned").asInt());
      printer.out().println();
      printer.out().print(Table.render(VERSIONS, fleet.path("versions")));
      printer.out().flush();
      return ExitCodes.OK;
    }
  }
}
