package dev.slipway.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.slipway.local.LocalStack;
import dev.slipway.local.LocalStackOptions;
import dev.slipway.local.tools.ExternalTool;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus (Debian's package) scraping the local stack with Slipway's own alert rules:
 * every Slipway target is up and every rule loads and evaluates without error. Skipped, saying so,
 * where no {@code prometheus} binary is installed.
 */
class PrometheusIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  @TempDir static Path stateDir;
  static LocalStack stack;
  static Process prometheus;
  static String prometheusUrl;

  @BeforeAll
  static void start() throws Exception {
    Optional<Path> binary = ExternalTool.find("prometheus");
    assumeTrue(binary.isPresent(), "prometheus not on PATH (apt-get install prometheus): skipped");
    Path root = RunningStack.repoRoot();
    stack = LocalStack.start(LocalStackOptions.test(root, stateDir), false);
    Path dir = Files.createDirectories(stateDir.resolve("prometheus"));
    writeRules(
        root.resolve("deploy/observability/prometheus-rule.yaml"), dir.resolve("rules.yaml"));
    Files.writeString(dir.resolve("prometheus.yml"), config(stack.env()));
    int port = freePort();
    prometheusUrl = "http://127.0.0.1:" + port;
    prometheus =
        new ProcessBuilder(
                binary.get().toString(),
                "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("prometheus.log").toFile())
            .start();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (prometheus != null) {
      prometheus.destroy();
      prometheus.waitFor(10, TimeUnit.SECONDS);
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void everySlipwayTargetIsUpAndEveryRuleEvaluates() {
    await()
        .atMost(WAIT)
        .ignoreException(ConnectException.class) // Prometheus may still be starting
        .untilAsserted(
            () -> {
              JsonPath targets = api("/api/v1/targets");
              List<String> health = targets.getList("data.activeTargets.health");
              assertEquals(List.of("up", "up", "up"), health, "targets " + targets.prettify());
            });
    await()
        .atMost(WAIT)
        .ignoreException(ConnectException.class) // Prometheus may still be starting
        .untilAsserted(
            () -> {
              JsonPath rules = api("/api/v1/rules");
              List<String> health = rules.getList("data.groups.rules.flatten().health");
              assertTrue(health.size() >= 10, "rules loaded: " + health.size());
              assertTrue(health.stream().allMatch("ok"::equals), "rule health " + health);
            });
  }

  /**
   * The reconciler's series that rules and dashboards use exist in what Prometheus scraped from the
   * real process (the API's and the worker's are checked by their own scraping tests).
   */
  @Test
  void everyReconcilerSeriesTheRulesAndDashboardsUseIsScraped() throws IOException {
    Path root = RunningStack.repoRoot();
    java.util.Set<String> used = new java.util.TreeSet<>();
    try (Stream<Path> files =
        Stream.concat(
            Stream.of(root.resolve("deploy/observability/prometheus-rule.yaml")),
            Files.list(root.resolve("deploy/observability/dashboards")))) {
      for (Path file : files.toList()) {
        var names =
            java.util.regex.Pattern.compile("slipway_reconciler_[a-z_]+")
                .matcher(Files.readString(file));
        while (names.find()) {
          used.add(names.group());
        }
      }
    }
    assertTrue(used.size() >= 3, "rules and dashboards use reconciler series: " + used);
    await()
        .atMost(WAIT)
        .ignoreException(ConnectException.class) // Prometheus may still be starting
        .untilAsserted(
            () -> {
              List<String> scraped = api("/api/v1/label/__name__/values").getList("data");
              List<String> missing = used.stream().filter(n -> !scraped.contains(n)).toList();
              assertEquals(List.of(), missing, "used but never scraped");
            });
  }

  private static JsonPath api(String path) {
    return given().baseUri(prometheusUrl).get(path).then().statusCode(200).extract().jsonPath();
  }

  /** The PrometheusRule's spec is a plain rule file (groups). */
  private static void writeRules(Path crd, Path target) throws IOException {
    YAMLMapper yaml = new YAMLMapper();
    JsonNode spec = yaml.readTree(crd.toFile()).path("spec");
    Files.writeString(target, yaml.writeValueAsString(spec));
  }

  private static String config(Map<String, String> env) {
    StringBuilder config =
        new StringBuilder(
            "global: {scrape_interval: 1s, evaluation_interval: 1s}\n"
                + "rule_files: [rules.yaml]\nscrape_configs:\n");
    job(config, "api-service", env.get("SLIPWAY_API_METRICS_URL"));
    job(config, "provisioner-worker", env.get("SLIPWAY_WORKER_METRICS_URL"));
    job(config, "reconciler-job", env.get("SLIPWAY_RECONCILER_METRICS_URL"));
    return config.toString();
  }

  private static void job(StringBuilder config, String name, String metricsUrl) {
    URI uri = URI.create(metricsUrl);
    config
        .append("  - job_name: ")
        .append(name)
        .append("\n    metrics_path: ")
        .append(uri.getPath())
        .append("\n    static_configs: [{targets: ['")
        .append(uri.getHost())
        .append(':')
        .append(uri.getPort())
        .append("']}]\n");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
