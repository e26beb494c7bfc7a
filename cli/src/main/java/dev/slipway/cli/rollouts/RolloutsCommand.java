package dev.slipway.cli.rollouts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.cli.CommandGroup;
import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.Session;
import dev.slipway.cli.output.Printer;
import dev.slipway.cli.output.Table;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rollouts ...}: fleet rollouts, /v1/rollouts (admin writes, ops reads). */
@Command(
    name = "rollouts",
    description = "Change many tenants in health-gated waves: create, list, follow, control.",
    subcommands = {
      RolloutCreate.class,
      RolloutsCommand.ListRollouts.class,
      RolloutsCommand.Get.class,
      RolloutWatch.class,
      RolloutsCommand.Pause.class,
      RolloutsCommand.Resume.class,
      RolloutsCommand.Abort.class
    })
public final class RolloutsCommand extends CommandGroup {

  static String path(String id) {
    return "v1/rollouts/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
  }

  /** A rollout: its fields, then a row per wave; JSON/YAML the body unchanged. */
  static void show(Session session, JsonNode rollout) {
    Printer printer = session.printer();
    printer.details(rollout, RolloutColumns.details(session.clock()));
    if (printer.isTable() && !rollout.path("waves").isEmpty()) {
      printer.out().println();
      printer.out().print(Table.render(RolloutColumns.WAVES, rollout.path("waves")));
      printer.out().flush();
    }
  }

  @Command(name = "list", description = "Rollouts, newest first.")
  static final class ListRollouts implements Callable<Integer> {
    private final Session session;

    @Option(names = "--status", description = "only this status (RUNNING, PAUSED, SUCCEEDED...)")
    String status;

    @Option(names = "--limit", description = "page size (API default 20)")
    Integer limit;

    @Option(names = "--cursor", description = "the nextCursor of the previous page")
    String cursor;

    ListRollouts(Session session) {
      this.session = session;
    }

    @Override
    public Integer call() {
      Map<String, Object> query = new LinkedHashMap<>();
      query.put("status", status);
      query.put("limit", limit);
      query.put("cursor", cursor);
      JsonNode page = session.api().get("v1/rollouts", query).body();
      session.printer().page(page, RolloutColumns.list(session.clock()), "rollouts");
      return ExitCodes.OK;
    }
  }

  @Command(name = "get", description = "A rollout: status, waves, each tenant's state.")
  static final class Get implements Callable<Integer> {
    private final Session session;

    @Parameters(paramLabel = "ID")
    String id;

    Get(Session session) {
      this.session = session;
    }

    @Override
    public Integer call() {
      show(session, session.api().get(path(id), Map.of()).body());
      return ExitCodes.OK;
    }
  }

  /** pause, resume and abort: a POST with an optional reason (409 in the wrong status). */
  abstract static class Control implements Callable<Integer> {
    private final Session session;

    @Parameters(paramLabel = "ID")
    String id;

    @Option(names = "--reason", description = "why, for the audit")
    String reason;

    Control(Session session) {
      this.session = session;
    }

    abstract String action();

    @Override
    public Integer call() {
      ObjectNode body = session.json().createObjectNode();
      if (reason != null) {
        body.put("reason", reason);
      }
      JsonNode rollout =
          session
              .api()
              .write("POST", path(id) + "/" + action(), body, "application/json", Map.of())
              .body();
      session.printer().row(rollout, RolloutColumns.list(session.clock()));
      return ExitCodes.OK;
    }
  }

  @Command(name = "pause", description = "Change nothing new; changes in flight still settle.")
  static final class Pause extends Control {
    Pause(Session session) {
      super(session);
    }

    String action() {
      return "pause";
    }
  }

  @Command(name = "resume", description = "Carry on with a paused rollout.")
  static final class Resume extends Control {
    Resume(Session session) {
      super(session);
    }

    String action() {
      return "resume";
    }
  }

  @Command(
      name = "abort",
      description = "Stop: pending tenants are skipped, changed ones keep their change.")
  static final class Abort extends Control {
    Abort(Session session) {
      super(session);
    }

    String action() {
      return "abort";
    }
  }

  /** POSTs a rollout or bulk operation and prints the plan (dry run) or the rollout started. */
  static int submit(Session session, ObjectNode body) {
    JsonNode answer =
        session.api().write("POST", "v1/rollouts", body, "application/json", Map.of()).body();
    if (answer.path("dryRun").asBoolean()) {
      RolloutPlan.print(session.printer(), answer);
      return ExitCodes.OK;
    }
    RolloutsCommand.show(session, answer);
    session.printer().note("Follow it: slipway-cli rollouts watch " + answer.path("id").asText());
    return ExitCodes.OK;
  }
}
