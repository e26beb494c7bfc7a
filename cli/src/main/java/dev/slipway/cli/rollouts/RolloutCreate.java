package dev.slipway.cli.rollouts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.cli.CliException;
import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Mixin WaveOptions options = new WaveOptions();

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
    var json = session.json();
    ObjectNode body = json.createObjectNode();
    ObjectNode target = body.putObject("target");
    WaveOptions.put(json, target, "imageVersion", imageVersion);
    WaveOptions.put(json, target, "plan", plan);
    options.fill(json, body);
    return body;
  }
}
