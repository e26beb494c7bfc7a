package dev.slipway.cli.tenants;

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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lifecycle commands and the timeline against a stand-in for the API (the JDK's HTTP server):
 * each sends the request api-service documents and shows the answer as table, JSON or YAML. The
 * real API is exercised by e2e-tests' CliIT.
 */
class LifecycleCommandsTest {
  static final String CHANGED =
      "{\"tenant\":{\"slug\":\"acme\",\"phase\":\"STOPPED\",\"desiredState\":\"OFFLINE\"},"
          + "\"operation\":{\"id\":\"op-1\",\"type\":\"RESTORE\",\"status\":\"QUEUED\"}}";
  static final String EVENTS =
      "{\"items\":[{\"at\":\"2026-12-06T10:00:02Z\",\"kind\":\"repair\",\"action\":\"reconcile\","
          + "\"actor\":\"slipway\",\"status\":\"FAILED\",\"attempts\":3,\"detail\":\"boom\"},"
          + "{\"at\":\"2026-12-06T10:00:01Z\",\"kind\":\"lifecycle\",\"action\":\"suspend\","
          + "\"actor\":\"alice\",\"reason\":\"unpaid\"}],\"nextCursor\":\"abc\"}";

  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  final List<String> requests = new ArrayList<>();
  HttpServer api;

  @BeforeEach
  void start() throws IOException {
    api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    api.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + body);
          byte[] answer =
              (exchange.getRequestURI().getPath().endsWith("/events") ? EVENTS : CHANGED)
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
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
        args,
        env,
        dir,
        new PrintWriter(out, true),
        new PrintWriter(err, true),
        Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC));
  }

  @Test
  void eachLifecycleCommandSendsWhatTheApiDocuments() {
    assertEquals(ExitCodes.OK, run("tenants", "restore", "acme"));
    assertEquals(ExitCodes.OK, run("tenants", "purge", "acme", "--confirm", "acme"));
    assertEquals(ExitCodes.OK, run("tenants", "suspend", "acme", "--reason", "unpaid"));
    assertEquals(ExitCodes.OK, run("tenants", "resume", "acme", "--reason", "paid"));
    assertEquals(ExitCodes.OK, run("tenants", "protect", "acme", "--reason", "key account"));
    assertEquals(ExitCodes.OK, run("tenants", "unprotect", "acme"));
    assertEquals(
        List.of(
            "POST /v1/tenants/acme/restore ",
            "POST /v1/tenants/acme/purge {\"confirm\":\"acme\"}",
            "POST /v1/tenants/acme/suspend {\"reason\":\"unpaid\"}",
            "POST /v1/tenants/acme/resume {\"reason\":\"paid\"}",
            "PATCH /v1/tenants/acme {\"deletionProtection\":{\"reason\":\"key account\"}}",
            "PATCH /v1/tenants/acme {\"deletionProtection\":null}"),
        requests);
    assertTrue(out.toString().contains("operation op-1 RESTORE QUEUED"), out.toString());
    assertTrue(out.toString().contains("deletion protection set: key account"), out.toString());
    assertTrue(out.toString().contains("deletion protection cleared"), out.toString());
  }

  @Test
  void freezeUnfreezeAndTheLabelFilterSendWhatTheApiDocuments() {
    assertEquals(ExitCodes.OK, run("tenants", "freeze", "acme", "--reason", "incident 4711"));
    assertEquals(ExitCodes.OK, run("tenants", "unfreeze", "acme"));
    assertEquals(
        ExitCodes.OK, run("tenants", "list", "--label", "tier=beta", "--label", "region=eu"));
    assertEquals(ExitCodes.USAGE, run("tenants", "freeze", "acme"));
    assertEquals(
        List.of(
            "POST /v1/tenants/acme/freeze {\"reason\":\"incident 4711\"}",
            "POST /v1/tenants/acme/unfreeze {}",
            "GET /v1/tenants?label=tier%3Dbeta&label=region%3Deu "),
        requests);
  }

  @Test
  void aPurgeWithoutConfirmationAndASuspensionWithoutReasonSendNothing() {
    assertEquals(ExitCodes.USAGE, run("tenants", "purge", "acme"));
    assertEquals(ExitCodes.USAGE, run("tenants", "suspend", "acme"));
    assertEquals(ExitCodes.USAGE, run("tenants", "protect", "acme"));
    assertEquals(List.of(), requests);
    assertTrue(err.toString().contains("--confirm"), err.toString());
  }

  @Test
  void eventsPassesItsFiltersAndPrintsATableJsonOrYaml() {
    assertEquals(
        ExitCodes.OK,
        run(
            "tenants",
            "events",
            "acme",
            "--kind",
            "repair,lifecycle",
            "--kind",
            "write",
            "--since",
            "2026-12-06T09:00:00Z"));
    String sent = java.net.URLDecoder.decode(requests.get(0), StandardCharsets.UTF_8);
    assertTrue(sent.startsWith("GET /v1/tenants/acme/events?"), sent);
    assertTrue(sent.contains("kind=repair,lifecycle,write"), sent);
    assertTrue(sent.contains("since=2026-12-06T09:00:00Z"), sent);
    String table = out.toString();
    assertTrue(table.contains("KIND"), table);
    assertTrue(table.contains("FAILED (3 attempts)"), table);
    assertTrue(table.contains("unpaid"), table);

    out.getBuffer().setLength(0);
    assertEquals(ExitCodes.OK, run("tenants", "events", "acme", "-o", "json"));
    assertTrue(out.toString().contains("\"nextCursor\""), out.toString());
    out.getBuffer().setLength(0);
    assertEquals(ExitCodes.OK, run("tenants", "events", "acme", "-o", "yaml"));
    assertTrue(
        out.toString().contains("kind: \"repair\"") || out.toString().contains("kind: repair"),
        out.toString());
  }
}
