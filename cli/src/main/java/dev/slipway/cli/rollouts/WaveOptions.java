package dev.slipway.cli.rollouts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.cli.CliException;
import dev.slipway.cli.ExitCodes;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The selector, strategy and reason flags that {@code rollouts create} and {@code bulk} share (a
 * picocli mixin): both send them as the same fields of {@code POST /v1/rollouts}.
 */
final class WaveOptions {
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

  @Option(names = "--max-failures", paramLabel = "N", description = "per wave before a halt")
  Integer maxFailures;

  @Option(names = "--reason", description = "why (required)")
  String reason;

  /** Adds selector, strategy and reason to {@code body}; a missing reason is a usage error. */
  void fill(ObjectMapper json, ObjectNode body) {
    if (reason == null || reason.isBlank()) {
      throw new CliException(ExitCodes.USAGE, "--reason is required");
    }
    ObjectNode selector = body.putObject("selector");
    put(json, selector, "plans", plans);
    put(json, selector, "labels", labels);
    put(json, selector, "slugs", slugs);
    ObjectNode strategy = body.putObject("strategy");
    put(json, strategy, "canary", canary);
    put(json, strategy, "waves", waves);
    put(json, strategy, "maxParallel", maxParallel);
    put(json, strategy, "bake", bake);
    put(json, strategy, "readyTimeout", readyTimeout);
    put(json, strategy, "maxFailures", maxFailures);
    body.put("reason", reason);
  }

  static void put(ObjectMapper json, ObjectNode node, String field, Object value) {
    if (value != null) {
      node.set(field, json.valueToTree(value));
    }
  }
}
