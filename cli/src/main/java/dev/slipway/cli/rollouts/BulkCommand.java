package dev.slipway.cli.rollouts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.cli.CliException;
import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.Session;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bulk ACTION}: a bulk operation, {@code POST /v1/rollouts} with {@code target.action}, run
 * by the rollout engine in waves (follow it with {@code rollouts watch}). A destructive one over
 * the API's threshold needs {@code --confirm} with the exact number of tenants it changes; a dry
 * run says whether it does and lists the tenants.
 */
@Command(
    name = "bulk",
    description =
        "Stop, start, delete or change the plan of every selected tenant, in health-gated waves"
            + " (admin).")
public final class BulkCommand implements Callable<Integer> {
  static final List<String> ACTIONS = List.of("stop", "start", "delete", "change-plan");
  private final Session session;

  @Parameters(paramLabel = "ACTION", description = "stop, start, delete or change-plan")
  String action;

  @Option(names = "--plan", paramLabel = "NAME", description = "change-plan: the plan to move to")
  String plan;

  @Mixin WaveOptions options = new WaveOptions();

  @Option(
      names = "--confirm",
      paramLabel = "N",
      description = "the exact number of tenants it changes (stop and delete over the threshold)")
  Integer confirm;

  @Option(
      names = "--rollback-all",
      description = "on a halt, undo every change (stop and start; a delete is never undone)")
  boolean rollbackAll;

  @Option(names = "--dry-run", description = "list the tenants and waves; change nothing")
  boolean dryRun;

  BulkCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    if (!ACTIONS.contains(action)) {
      throw new CliException(ExitCodes.USAGE, "ACTION must be one of " + ACTIONS);
    }
    if ((plan != null) != action.equals("change-plan")) {
      throw new CliException(ExitCodes.USAGE, "--plan goes with change-plan, and only with it");
    }
    var json = session.json();
    ObjectNode body = json.createObjectNode();
    ObjectNode target = body.putObject("target").put("action", action);
    WaveOptions.put(json, target, "plan", plan);
    options.fill(json, body);
    if (rollbackAll) {
      ((ObjectNode) body.get("strategy")).put("rollbackAll", true);
    }
    WaveOptions.put(json, body, "confirm", confirm);
    if (dryRun) {
      body.put("dryRun", true);
    }
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
