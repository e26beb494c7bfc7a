package dev.slipway.deploy.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.local.tools.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert rules: complete, documented, valid for promtool and behaving as their unit tests say.
 */
class AlertRulesTest {
  private static final Set<String> REQUIRED_ALERTS =
      Set.of(
          "SlipwayDeadLetterQueueNotEmpty",
          "SlipwayOldestCommandTooOld",
          "SlipwayOutboxBacklogGrowing",
          "SlipwayWorkerErrorRate",
          "SlipwayReconcileStale",
          "SlipwayDriftAboveThreshold",
          "SlipwayPruneRefused",
          "SlipwayTenantsFailedOrDegraded",
          "SlipwayServiceDown");
  private static final Pattern RUNBOOK =
      Pattern.compile("https://slipway\\.dev/runbooks#([a-z0-9-]+)");
  private static final String PROMTOOL_MISSING =
      "promtool not on PATH: `promtool check rules` / `test rules` skipped"
          + " (apt-get install prometheus; .ci/run does this)";

  @Test
  void everyRequiredAlertExists() {
    Set<String> alerts = Observability.ruleQueries().keySet();
    assertTrue(
        alerts.containsAll(REQUIRED_ALERTS),
        "missing: " + REQUIRED_ALERTS.stream().filter(a -> !alerts.contains(a)).toList());
  }

  @Test
  void everyAlertHasForSeveritySummaryDescriptionAndARunbookSection() {
    Set<String> anchors = runbookAnchors();
    for (JsonNode rule : Observability.rules()) {
      String name = rule.get("alert").asText();
      assertTrue(rule.hasNonNull("for"), name + ": for");
      String severity = rule.path("labels").path("severity").asText();
      assertTrue(
          Set.of("critical", "warning", "info").contains(severity),
          name + ": severity " + severity);
      assertTrue(!rule.path("annotations").path("summary").asText().isBlank(), name + ": summary");
      assertTrue(
          !rule.path("annotations").path("description").asText().isBlank(), name + ": description");
      Matcher m = RUNBOOK.matcher(rule.path("annotations").path("runbook_url").asText());
      assertTrue(m.matches(), name + ": runbook_url");
      assertTrue(
          anchors.contains(m.group(1)), name + ": docs/runbooks.md has no section #" + m.group(1));
    }
  }

  @Test
  void promtoolAcceptsTheRules(@TempDir Path dir) {
    Path promtool = promtool();
    Observability.writeRuleFile(dir.resolve("rules.yaml"));
    ExternalTool.Result result =
        ExternalTool.run(dir, List.of(promtool.toString(), "check", "rules", "rules.yaml"));
    assertEquals(0, result.exitCode(), result.output());
    assertTrue(result.output().contains("SUCCESS"), result.output());
  }

  @Test
  void alertUnitTestsPass(@TempDir Path dir) throws IOException {
    Path promtool = promtool();
    Observability.writeRuleFile(dir.resolve("rules.yaml"));
    Files.copy(
        Repo.path("deploy/observability/tests/alerts-test.yaml"), dir.resolve("alerts-test.yaml"));
    ExternalTool.Result result =
        ExternalTool.run(dir, List.of(promtool.toString(), "test", "rules", "alerts-test.yaml"));
    assertEquals(0, result.exitCode(), result.output());
  }

  @Test
  void everyAlertIsExercisedByAnAlertUnitTest() {
    String tests = Repo.read("deploy/observability/tests/alerts-test.yaml");
    for (String alert : Observability.ruleQueries().keySet()) {
      assertTrue(
          tests.contains("alertname: " + alert + "\n"), alert + " has no promtool unit test");
    }
  }

  private static Path promtool() {
    Optional<Path> promtool = ExternalTool.find("promtool");
    if (promtool.isEmpty()) {
      System.err.println("SKIPPED: " + PROMTOOL_MISSING);
    }
    assumeTrue(promtool.isPresent(), PROMTOOL_MISSING);
    return promtool.get();
  }

  /** GitHub-style anchors of the runbook's headings. */
  static Set<String> runbookAnchors() {
    return Repo.read("docs/runbooks.md")
        .lines()
        .filter(l -> l.startsWith("#"))
        .map(
            l ->
                l.replaceFirst("^#+\\s*", "")
                    .toLowerCase()
                    .replaceAll("[^a-z0-9 -]", "")
                    .trim()
                    .replace(' ', '-'))
        .collect(Collectors.toSet());
  }
}
