package dev.slipway.cli.rollouts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.SlipwayCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rollout and fleet commands against a stand-in for the API (the JDK's HTTP server) that
 * answers what each test scripts per "METHOD path" (the last answer repeats): each command sends
 * the request api-service's README documents and shows the answer as table, JSON or YAML.
 */
class RolloutCommandsTest {
  static String rollout(String status, String ready, String lastError) {
    return "{\"id\":\"r-1\",\"status\":\""
        + status
        + "\",\"target\":{\"imageVersion\":\"1.2.3\"},\"reason\":\"gateway 1.2.3\","
        + "\"fleetVersion\":2,\"currentWave\":1,\"lastError\":"
        + lastError
        + ",\"counts\":{\"total\":3,\"pending\":0,\"changing\":0,\"ready\":"
        + ready
        + ",\"failed\":0,\"skipped\":0,\"rolledBack\":0},\"waves\":["
        + "{\"index\":0,\"canary\":true,\"status\":\"PASSED\",\"tenants\":[{\"slug\":\"acme\","
        + "\"state\":\"READY\"}]},{\"index\":1,\"canary\":false,\"status\":\"RUNNING\","
        + "\"tenants\":[{\"slug\":\"beta\",\"state\":\"CHANGING\"}]}]}";
  }

  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  final List<String> requests = new ArrayList<>();
  final Map<String, Deque<String[]>> answers = new HashMap<>();
  HttpServer api;

  /** The stand-in answers {@code status} with {@code body} to {@code request}. */
  void answer(String request, int status, String body) {
    answers.computeIfAbsent(request, r -> new ArrayDeque<>()).add(new String[] {"" + status, body});
  }

  @BeforeEach
  void start() throws IOException {
    api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    api.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String request = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
          requests.add(
              request
                  + (exchange.getRequestURI().getRawQuery() == null
                      ? ""
                      : "?" + exchange.getRequestURI().getRawQuery())
                  + " "
                  + body);
          Deque<String[]> queue = answers.get(request);
          String[] answer =
              queue == null
                  ? new String[] {"404", "{\"title\":\"Not found\",\"status\":404}"}
                  : queue.size() > 1 ? queue.poll() : queue.peek();
          byte[] bytes = answer[1].getBytes(StandardCharsets.UTF_8);
          int status = Integer.parseInt(answer[0]);
          exchange
              .getResponseHeaders()
              .add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    api.start();
  }

  @AfterEach
  void stop() {
    api.stop(0);
  }

  int run(String... args) {
    var env =
        Map.of(
            "SLIPWAY_API_URL",
            "http://127.0.0.1:" + api.getAddress().getPort(),
            "SLIPWAY_TOKEN",
            "t");
    return SlipwayCli.run(
        args, env, dir, new PrintWriter(out, true), new PrintWriter(err, true), Clock.systemUTC());
  }

  @Test
  void createSendsTheDocumentedBodyAndShowsTheRollout() {
    answer("POST /v1/rollouts", 202, rollout("RUNNING", "1", "null"));
    assertEquals(
        ExitCodes.OK,
        run(
            "rollouts",
            "create",
            "--image-version",
            "1.2.3",
            "--plans",
            "small,medium",
            "--labels",
            "tier=beta",
            "--labels",
            "region=eu",
            "--slugs",
            "acme",
            "--canary",
            "2",
            "--waves",
            "25%,50%,100%",
            "--max-parallel",
            "20",
            "--bake",
            "30s",
            "--ready-timeout",
            "5m",
            "--max-failures",
            "1",
            "--reason",
            "gateway 1.2.3"));
    assertEquals(
        "POST /v1/rollouts {\"target\":{\"imageVersion\":\"1.2.3\"},"
            + "\"selector\":{\"plans\":[\"small\",\"medium\"],"
            + "\"labels\":{\"tier\":\"beta\",\"region\":\"eu\"},\"slugs\":[\"acme\"]},"
            + "\"strategy\":{\"canary\":2,\"waves\":[\"25%\",\"50%\",\"100%\"],\"maxParallel\":20,"
            + "\"bake\":\"30s\",\"readyTimeout\":\"5m\",\"maxFailures\":1},"
            + "\"reason\":\"gateway 1.2.3\"}",
        requests.get(0));
    String table = out.toString();
    assertTrue(table.contains("image 1.2.3"), table);
    assertTrue(table.contains("1/3 ready"), table);
    assertTrue(table.contains("0 (canary)") && table.contains("acme:READY"), table);
    assertTrue(table.contains("rollouts watch r-1"), table);
  }

  @Test
  void aDryRunShowsTheWavesAndEveryFieldThatWouldChange() throws IOException {
    answer(
        "POST /v1/rollouts",
        200,
        "{\"dryRun\":true,\"total\":2,\"waves\":[{\"index\":0,\"canary\":true,"
            + "\"tenants\":[\"acme\"]},{\"index\":1,\"canary\":false,\"tenants\":[\"beta\"]}],"
            + "\"diffs\":[{\"count\":2,\"example\":\"acme\",\"changes\":[{\"object\":"
            + "\"Deployment/acme\",\"path\":\"spec.image\",\"before\":\"g:1.0.0\","
            + "\"after\":\"g:1.2.3\"}],\"slugs\":[\"acme\",\"beta\"]}]}");
    Files.writeString(
        dir.resolve("body.json"),
        "{\"target\":{\"plan\":\"large\"},\"selector\":{\"slugs\":[\"acme\"]},\"reason\":\"r\"}");
    assertEquals(ExitCodes.OK, run("rollouts", "create", "-f", "body.json", "--dry-run"));
    assertEquals(
        "POST /v1/rollouts {\"target\":{\"plan\":\"large\"},\"selector\":{\"slugs\":[\"acme\"]},"
            + "\"reason\":\"r\",\"dryRun\":true}",
        requests.get(0));
    String table = out.toString();
    assertTrue(table.contains("Dry run: 2 tenants"), table);
    assertTrue(table.contains("Deployment/acme") && table.contains("g:1.2.3"), table);
    assertTrue(table.contains("TENANTS") && table.contains("EXAMPLE"), table);
  }

  @Test
  void aCreateWithoutTargetOrReasonSendsNothing() {
    assertEquals(ExitCodes.USAGE, run("rollouts", "create", "--reason", "r"));
    assertEquals(
        ExitCodes.USAGE, run("rollouts", "create", "--image-version", "1", "--plan", "large"));
    assertEquals(ExitCodes.USAGE, run("rollouts", "create", "--image-version", "1"));
    assertEquals(List.of(), requests);
    assertTrue(err.toString().contains("--reason is required"), err.toString());
  }

  @Test
  void problemsAreReadableWithTheirExitCodes() {
    answer(
        "POST /v1/rollouts",
        422,
        "{\"title\":\"Invalid request\",\"status\":422,\"detail\":\"waves do not cover\","
            + "\"errors\":[{\"field\":\"strategy.waves\",\"detail\":\"must end at 100%\"}]}");
    answer(
        "POST /v1/rollouts/r-1/pause",
        409,
        "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"rollout r-1 is SUCCEEDED\"}");
    assertEquals(
        ExitCodes.INVALID,
        run("rollouts", "create", "--plan", "large", "--waves", "50%", "--reason", "r"));
    assertEquals(ExitCodes.CONFLICT, run("rollouts", "pause", "r-1"));
    assertEquals(ExitCodes.NOT_FOUND, run("rollouts", "get", "nope"));
    String errors = err.toString();
    assertTrue(errors.contains("strategy.waves"), errors);
    assertTrue(errors.contains("rollout r-1 is SUCCEEDED"), errors);
  }

  @Test
  void listGetAndControlsSendWhatTheApiDocuments() {
    answer("GET /v1/rollouts", 200, "{\"items\":[" + rollout("PAUSED", "1", "null") + "]}");
    answer("GET /v1/rollouts/r-1", 200, rollout("PAUSED", "1", "null"));
    answer("POST /v1/rollouts/r-1/pause", 200, rollout("PAUSED", "1", "null"));
    answer("POST /v1/rollouts/r-1/resume", 200, rollout("RUNNING", "1", "null"));
    answer("POST /v1/rollouts/r-1/abort", 200, rollout("ABORTED", "1", "null"));
    assertEquals(ExitCodes.OK, run("rollouts", "list", "--status", "PAUSED"));
    assertEquals(ExitCodes.OK, run("rollouts", "get", "r-1"));
    assertEquals(ExitCodes.OK, run("rollouts", "pause", "r-1", "--reason", "look"));
    assertEquals(ExitCodes.OK, run("rollouts", "resume", "r-1"));
    assertEquals(ExitCodes.OK, run("rollouts", "abort", "r-1", "--reason", "wrong image"));
    assertEquals(
        List.of(
            "GET /v1/rollouts?status=PAUSED ",
            "GET /v1/rollouts/r-1 ",
            "POST /v1/rollouts/r-1/pause {\"reason\":\"look\"}",
            "POST /v1/rollouts/r-1/resume {}",
            "POST /v1/rollouts/r-1/abort {\"reason\":\"wrong image\"}"),
        requests);
    assertTrue(out.toString().contains("ABORTED"), out.toString());

    out.getBuffer().setLength(0);
    assertEquals(ExitCodes.OK, run("rollouts", "get", "r-1", "-o", "json"));
    assertTrue(out.toString().contains("\"fleetVersion\" : 2"), out.toString());
  }

  @Test
  void watchFollowsUntilAFinalStatusAndFailsOnARollback() {
    answer("GET /v1/rollouts/r-1", 200, rollout("RUNNING", "1", "null"));
    answer("GET /v1/rollouts/r-1", 200, rollout("RUNNING", "2", "null"));
    answer("GET /v1/rollouts/r-1", 200, rollout("SUCCEEDED", "3", "null"));
    assertEquals(ExitCodes.OK, run("rollouts", "watch", "r-1", "--interval", "10ms"));
    String lines = out.toString();
    assertTrue(lines.contains("RUNNING") && lines.contains("2/3 ready"), lines);
    assertTrue(lines.contains("SUCCEEDED") && lines.contains("3/3 ready"), lines);

    answer("GET /v1/rollouts/r-2", 200, rollout("ROLLED_BACK", "0", "\"beta not ready\""));
    assertEquals(ExitCodes.WATCH_FAILED, run("rollouts", "watch", "r-2", "--interval", "10ms"));
    assertTrue(err.toString().contains("beta not ready"), err.toString());

    // A bulk operation that halted for good (it undoes nothing) is final too.
    answer(
        "GET /v1/rollouts/r-3",
        200,
        rollout("HALTED", "1", "\"acme not stopped\"")
            .replace("\"lastError\"", "\"finishedAt\":\"2026-12-06T10:00:00Z\",\"lastError\""));
    err.getBuffer().setLength(0);
    assertEquals(ExitCodes.WATCH_FAILED, run("rollouts", "watch", "r-3", "--timeout", "5s"));
    assertTrue(err.toString().contains("acme not stopped"), err.toString());
    assertTrue(!err.toString().contains("not done within"), "ended, not timed out: " + err);
  }

  @Test
  void bulkSendsTheActionWithTheConfirmationAndShowsTheOperation() {
    answer(
        "POST /v1/rollouts",
        202,
        rollout("RUNNING", "1", "null")
            .replace("{\"imageVersion\":\"1.2.3\"}", "{\"action\":\"stop\"}"));
    assertEquals(
        ExitCodes.OK,
        run(
            "bulk",
            "stop",
            "--plans",
            "small",
            "--labels",
            "tier=beta",
            "--waves",
            "50%,100%",
            "--confirm",
            "40",
            "--reason",
            "maintenance"));
    assertEquals(
        "POST /v1/rollouts {\"target\":{\"action\":\"stop\"},"
            + "\"selector\":{\"plans\":[\"small\"],\"labels\":{\"tier\":\"beta\"}},"
            + "\"strategy\":{\"waves\":[\"50%\",\"100%\"]},\"reason\":\"maintenance\","
            + "\"confirm\":40}",
        requests.get(0));
    assertTrue(out.toString().contains("bulk stop"), out.toString());
    assertTrue(out.toString().contains("rollouts watch r-1"), out.toString());
  }

  @Test
  void aBulkDryRunSaysWhetherItNeedsTheConfirmationAndWhomItSkips() {
    answer(
        "POST /v1/rollouts",
        200,
        "{\"dryRun\":true,\"action\":\"delete\",\"total\":12,\"confirmRequired\":true,"
            + "\"waves\":[{\"index\":0,\"canary\":false,\"tenants\":[\"acme\"]}],"
            + "\"skipped\":[{\"slug\":\"beta\",\"reason\":\"frozen: incident\"}]}");
    assertEquals(
        ExitCodes.OK,
        run("bulk", "delete", "--slugs", "acme,beta", "--reason", "offboarding", "--dry-run"));
    assertTrue(
        requests.get(0).endsWith("\"reason\":\"offboarding\",\"dryRun\":true}"), requests.get(0));
    String table = out.toString();
    assertTrue(table.contains("Dry run: 12 tenants"), table);
    assertTrue(table.contains("--confirm 12"), table);
    assertTrue(table.contains("beta") && table.contains("frozen: incident"), table);
  }

  @Test
  void aBulkConfirmationTheApiRefusesIsAnInvalidInputAndBadUsageSendsNothing() {
    answer(
        "POST /v1/rollouts",
        422,
        "{\"title\":\"Invalid request\",\"status\":422,\"detail\":\"confirm is 3\","
            + "\"errors\":[{\"field\":\"confirm\",\"detail\":\"send \\\"confirm\\\": 4\"}]}");
    assertEquals(
        ExitCodes.INVALID,
        run("bulk", "delete", "--plans", "small", "--confirm", "3", "--reason", "r"));
    assertTrue(err.toString().contains("confirm"), err.toString());
    requests.clear();
    assertEquals(ExitCodes.USAGE, run("bulk", "reboot", "--plans", "small", "--reason", "r"));
    assertEquals(ExitCodes.USAGE, run("bulk", "change-plan", "--plans", "small", "--reason", "r"));
    assertEquals(ExitCodes.USAGE, run("bulk", "stop", "--plans", "small"));
    assertEquals(List.of(), requests);
  }

  @Test
  void fleetGetShowsTheDefaultAndEveryVersion() {
    answer(
        "GET /v1/fleet",
        200,
        "{\"default\":{\"version\":2,\"imageVersion\":\"1.2.3\",\"gatewayConfig\":{}},"
            + "\"versions\":[{\"version\":2,\"imageVersion\":\"1.2.3\",\"tenants\":40,"
            + "\"promotedAt\":\"2026-12-06T10:00:00Z\"},{\"version\":3,\"imageVersion\":\"1.3.0\","
            + "\"tenants\":8,\"promotedAt\":null}],\"pinned\":2,\"unassigned\":0}");
    assertEquals(ExitCodes.OK, run("fleet", "get"));
    String table = out.toString();
    assertTrue(table.contains("default: version 2, image 1.2.3"), table);
    assertTrue(table.contains("pinned tenants: 2"), table);
    assertTrue(table.contains("1.3.0") && table.contains("no"), table);
    out.getBuffer().setLength(0);
    assertEquals(ExitCodes.OK, run("fleet", "get", "-o", "yaml"));
    assertTrue(out.toString().contains("pinned: 2"), out.toString());
  }
}
