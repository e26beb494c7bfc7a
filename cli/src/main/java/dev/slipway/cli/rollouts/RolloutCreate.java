package dev.slipway.cli.rollouts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.cli.CliException;
import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code POST /v1/rollouts} from flags, or from a file holding the raw body. Only the usage is
 * checked here (a target, a reason); the API validates the rest and answers 422 naming the field.
 */
@Command(
    name = "create",
    description = "Start a rollout (admin), or show its waves and diffs with --dry-run.")
final class RolloutCreate implements Callable<Integer> {
  private final Session session;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      description =
          "the request body as JSON (target, selector and strategy flags are then not used)")
  Path file;

  @Option(names = "--image-version", paramLabel = "V", description = "target: gateway image")
  String imageVersion;

  @Option(names = "--plan", paramLabel = "NAME", description = "target: move tenants to a plan")
  String plan;

  @Option(names = "--plans", split = ",", description = "select tenants on these plans")
  List<String> plans;

  @Option(
      names = "--labels",
      split = ",",
      paramLabel = "KEY=VALUE",
      description = "select tenants carrying every label (repeatable)")
  Map<String, String> labels;

  @Option(names = "--slugs", split = ",", description = "and these tenants (pinned, frozen too)")
  List<String> slugs;

  @Option(names = "--canary", paramLabel = "N", description = "tenants of a first canary wave")
  Integer canary;

  @Option(
      names = "--waves",
      split = ",",
      paramLabel = "SHARE",
      description = "cumulative shares or counts of the rest, e.g. 25%%,50%%,100%%")
  List<String> waves;

  @Option(names = "--max-parallel", paramLabel = "N", description = "tenants changing at once")
  Integer maxParallel;

  @Option(names = "--bake", paramLabel = "DURATION", description = "wait after each wave (0s)")
  String bake;

  @Option(
      names = "--ready-timeout",
      paramLabel = "DURATION",
      description = "per tenant before it counts as failed (5m)")
  String readyTimeout;

  @Option(names = "--max-failures", paramLabel = "N", description = "per wave before a rollback")
  Integer maxFailures;

  @Option(names = "--reason", description = "why (required)")
  String reason;

  @Option(names = "--dry-run", description = "show the waves and diffs; change nothing")
  boolean dryRun;

  RolloutCreate(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    ObjectNode body = file != null ? fromFile() : fromFlags();
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

  private ObjectNode fromFile() {
    Path path = session.cwd().resolve(file);
    try {
      JsonNode body = session.json().readTree(Files.readString(path));
      if (!(body instanceof ObjectNode object)) {
        throw new CliException(ExitCodes.USAGE, path + " does not hold a JSON object");
      }
      return object;
    } catch (IOException e) {
      throw new CliException(ExitCodes.USAGE, "cannot read " + path + ": " + e.getMessage());
    }
  }

  private ObjectNode fromFlags() {
    if ((imageVersion == null) == (plan == null)) {
      throw new CliException(ExitCodes.USAGE, "give exactly one of --image-version and --plan");
    }
    if (reason == null || reason.isBlank()) {
      throw new CliException(ExitCodes.USAGE, "--reason is required");
    }
    var json = session.json();
    ObjectNode body = json.createObjectNode();
    ObjectNode target = body.putObject("target");
    putIfSet(target, "imageVersion", imageVersion);
    putIfSet(target, "plan", plan);
    ObjectNode selector = body.putObject("selector");
    putIfSet(selector, "plans", plans);
    putIfSet(selector, "labels", labels);
    putIfSet(selector, "slugs", slugs);
    ObjectNode strategy = body.putObject("strategy");
    putIfSet(strategy, "canary", canary);
    putIfSet(strategy, "waves", waves);
    putIfSet(strategy, "maxParallel", maxParallel);
    putIfSet(strategy, "bake", bake);
    putIfSet(strategy, "readyTimeout", readyTimeout);
    putIfSet(strategy, "maxFailures", maxFailures);
    body.put("reason", reason);
    return body;
  }

  private void putIfSet(ObjectNode node, String field, Object value) {
    if (value != null) {
      node.set(field, session.json().valueToTree(value));
    }
  }
}
