package dev.slipway.deploy.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The files of deploy/observability: the PrometheusRule and the Grafana dashboards. */
final class Observability {
  static final String RULE_FILE = "deploy/observability/prometheus-rule.yaml";
  static final String DASHBOARDS = "deploy/observability/dashboards";
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  private Observability() {}

  static JsonNode ruleSpec() {
    try {
      return YAML.readTree(Repo.read(RULE_FILE)).get("spec");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every rule (alerting) of every group. */
  static List<JsonNode> rules() {
    List<JsonNode> out = new ArrayList<>();
    ruleSpec().get("groups").forEach(g -> g.get("rules").forEach(out::add));
    return out;
  }

  /** The spec alone, as a plain Prometheus rule file for promtool. */
  static void writeRuleFile(Path target) {
    try {
      YAML.writeValue(target.toFile(), ruleSpec());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Dashboard file name to its parsed JSON. */
  static Map<String, JsonNode> dashboards() {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(Repo.path(DASHBOARDS))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        out.put(f.getFileName().toString(), JSON.readTree(f.toFile()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Each panel target's PromQL, labelled "file / panel title". */
  static Map<String, String> dashboardQueries() {
    Map<String, String> out = new LinkedHashMap<>();
    dashboards()
        .forEach(
            (file, d) ->
                d.get("panels")
                    .forEach(
                        p -> {
                          int i = 0;
                          for (JsonNode t : p.get("targets")) {
                            out.put(
                                file + " / " + p.get("title").asText() + " #" + i++,
                                t.get("expr").asText());
                          }
                        }));
    return out;
  }

  /** Each alert's expression, by alert name. */
  static Map<String, String> ruleQueries() {
    Map<String, String> out = new LinkedHashMap<>();
    rules().forEach(r -> out.put(r.get("alert").asText(), r.get("expr").asText()));
    return out;
  }
}
