package dev.slipway.e2e.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.config.DevToken;
import dev.slipway.e2e.RunningStack;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line tool against the real local stack (issue 25): the acceptance path (create, watch
 * to RUNNING, JSON listings) and every error class with its exit code.
 */
class CliIT {
  @TempDir static Path stateDir;
  @TempDir static Path elsewhere;
  static RunningStack running;
  static Map<String, String> env;
  static CliRunner admin;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void startStack() throws Exception {
    running = RunningStack.start(stateDir);
    env = running.env();
    admin =
        new CliRunner(
            Map.of(
                "SLIPWAY_API_URL", env.get("SLIPWAY_API_URL"),
                "SLIPWAY_TOKEN", env.get("SLIPWAY_ADMIN_TOKEN"),
                "HOME", elsewhere.toString()),
            elsewhere);
  }

  @AfterAll
  static void stopStack() {
    if (running != null) {
      running.close();
    }
  }

  static String slug() {
    return "cli-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void createWatchToRunningThenListAsJson() throws Exception {
    String slug = slug();
    var created = admin.run("tenants", "create", slug, "-o", "json");
    assertEquals(ExitCodes.OK, created.exitCode(), created.toString());
    JsonNode answer = JSON.readTree(created.out());
    assertEquals(slug, answer.get("tenant").get("slug").asText());
    assertTrue(answer.get("gatewayToken").asText().length() > 20, created.toString());

    String operation = answer.get("operation").get("id").asText();
    var followed = admin.run("tenants", "watch", "--operation", operation, "--interval", "200ms");
    assertEquals(ExitCodes.OK, followed.exitCode(), followed.toString());
    assertTrue(followed.out().contains(" SUCCEEDED "), followed.toString());

    var watched = admin.run("tenants", "watch", slug, "--interval", "200ms", "--timeout", "60s");
    assertEquals(ExitCodes.OK, watched.exitCode(), watched.toString());
    assertTrue(watched.out().lines().anyMatch(l -> l.contains(" RUNNING ")), watched.toString());

    var got = admin.run("tenants", "get", slug, "-o", "json");
    assertEquals(ExitCodes.OK, got.exitCode(), got.toString());
    JsonNode tenant = JSON.readTree(got.out());
    assertEquals("RUNNING", tenant.get("phase").asText());
    assertEquals(1, tenant.get("readyReplicas").asInt());

    var listed = admin.run("tenants", "list", "--all", "-o", "json");
    assertEquals(ExitCodes.OK, listed.exitCode(), listed.toString());
    boolean found = false;
    for (JsonNode t : JSON.readTree(listed.out()).get("items")) {
      found |= t.get("slug").asText().equals(slug) && t.get("phase").asText().equals("RUNNING");
    }
    assertTrue(found, listed.toString());

    var stopped = admin.run("tenants", "stop", slug, "--wait", "--interval", "200ms");
    assertEquals(ExitCodes.OK, stopped.exitCode(), stopped.toString());
    assertTrue(stopped.out().contains(" STOPPED "), stopped.toString());
  }

  /**
   * Issue 24 through the tool: a protected tenant refuses a delete (exit CONFLICT with the reason);
   * unprotected it is deleted, restored Running with the same token, suspended and resumed; its
   * timeline lists each of those writes, newest first, with who asked.
   */
  @Test
  void lifecycleCommandsAndTheTimeline() throws Exception {
    String slug = slug();
    var created = admin.run("tenants", "create", slug, "-o", "json");
    assertEquals(ExitCodes.OK, created.exitCode(), created.toString());
    JsonNode answer = JSON.readTree(created.out());
    String token = answer.get("gatewayToken").asText();
    String namespace = answer.get("tenant").get("namespace").asText();
    var up = admin.run("tenants", "watch", slug, "--interval", "200ms", "--timeout", "60s");
    assertEquals(ExitCodes.OK, up.exitCode(), up.toString());

    assertEquals(
        ExitCodes.OK, admin.run("tenants", "protect", slug, "--reason", "key account").exitCode());
    var refused = admin.run("tenants", "delete", slug);
    assertEquals(ExitCodes.CONFLICT, refused.exitCode(), refused.toString());
    assertTrue(refused.err().contains("key account"), refused.toString());
    assertEquals(ExitCodes.OK, admin.run("tenants", "unprotect", slug).exitCode());
    var deleted = admin.run("tenants", "delete", slug, "--wait", "--interval", "200ms");
    assertEquals(ExitCodes.OK, deleted.exitCode(), deleted.toString());
    var purge = admin.run("tenants", "purge", slug, "--confirm", "not-" + slug);
    assertEquals(ExitCodes.INVALID, purge.exitCode(), purge.toString());
    var restored = admin.run("tenants", "restore", slug, "--wait", "--interval", "200ms");
    assertEquals(ExitCodes.OK, restored.exitCode(), restored.toString());
    assertTrue(restored.out().contains(" RUNNING "), restored.toString());
    var secret =
        running.kube().secrets().inNamespace(namespace).withName(slug).get().getData().get("token");
    assertEquals(token, new String(java.util.Base64.getDecoder().decode(secret)));
    for (String verb : new String[] {"suspend", "resume"}) {
      var r =
          admin.run("tenants", verb, slug, "--reason", "cli test", "--wait", "--interval", "200ms");
      assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
    }

    var events = admin.run("tenants", "events", slug, "--kind", "write,lifecycle", "-o", "json");
    assertEquals(ExitCodes.OK, events.exitCode(), events.toString());
    java.util.List<String> actions = new java.util.ArrayList<>();
    for (JsonNode e : JSON.readTree(events.out()).get("items")) {
      actions.add(e.get("action").asText());
      assertTrue(!e.path("actor").asText().isEmpty(), events.toString());
    }
    assertEquals(
        java.util.List.of(
            "resume", "suspend", "restore", "delete", "unprotect", "protect", "create"),
        actions);
    var table = admin.run("tenants", "events", slug, "--kind", "operation");
    assertEquals(ExitCodes.OK, table.exitCode(), table.toString());
    assertTrue(table.out().contains("restore") && table.out().contains("SUCCEEDED"), table.out());
  }

  @Test
  void deadLettersListAsValidJson() throws Exception {
    var listed = admin.run("ops", "dead-letters", "list", "-o", "json");
    assertEquals(ExitCodes.OK, listed.exitCode(), listed.toString());
    JsonNode page = JSON.readTree(listed.out());
    assertTrue(page.get("items").isArray(), listed.toString());
    assertTrue(page.has("scanned"), listed.toString());
  }

  @Test
  void insideTheRepositoryTheLocalStacksEnvFileIsAllItNeeds() throws Exception {
    Path repo = Files.createDirectories(elsewhere.resolve("repo/.slipway")).getParent();
    Files.copy(stateDir.resolve("local.env"), repo.resolve(".slipway/local.env"));
    var inRepo = new CliRunner(Map.of("HOME", elsewhere.toString()), repo);
    var listed = inRepo.run("tenants", "list", "-o", "yaml");
    assertEquals(ExitCodes.OK, listed.exitCode(), listed.toString());
    assertTrue(listed.out().contains("items:"), listed.toString());
  }

  @Test
  void aMintedOpsTokenReadsOpsButMayNotChangeTenants() {
    var minter =
        new CliRunner(
            Map.of(
                "SLIPWAY_DEV_JWT_KEY", env.get("SLIPWAY_DEV_JWT_KEY"),
                "SLIPWAY_DEV_JWT_ISSUER", env.get("SLIPWAY_DEV_JWT_ISSUER"),
                "SLIPWAY_DEV_JWT_AUDIENCE", env.get("SLIPWAY_DEV_JWT_AUDIENCE"),
                "HOME", elsewhere.toString()),
            elsewhere);
    var minted = minter.run("token", "ops", "--ttl", "5m");
    assertEquals(ExitCodes.OK, minted.exitCode(), minted.toString());
    var ops =
        new CliRunner(
            Map.of(
                "SLIPWAY_API_URL", env.get("SLIPWAY_API_URL"),
                "SLIPWAY_TOKEN", minted.out().strip(),
                "HOME", elsewhere.toString()),
            elsewhere);
    var capacity = ops.run("ops", "capacity");
    assertEquals(ExitCodes.OK, capacity.exitCode(), capacity.toString());
    assertTrue(capacity.out().contains("monthly cost:"), capacity.toString());
    var forbidden = ops.run("tenants", "create", slug());
    assertEquals(ExitCodes.AUTH, forbidden.exitCode(), forbidden.toString());
  }

  @Test
  void everyErrorClassHasItsExitCodeAndAReadableMessage() throws Exception {
    var missing = admin.run("tenants", "get", "no-such-tenant");
    assertEquals(ExitCodes.NOT_FOUND, missing.exitCode(), missing.toString());
    assertTrue(
        missing.err().startsWith("Error: ") && missing.err().contains("(404)"), missing.toString());

    String slug = slug();
    var first = admin.run("tenants", "create", slug);
    assertEquals(ExitCodes.OK, first.exitCode(), first.toString());
    assertTrue(first.out().contains("gateway token (shown only now): "), first.toString());
    var duplicate = admin.run("tenants", "create", slug);
    assertEquals(ExitCodes.CONFLICT, duplicate.exitCode(), duplicate.toString());
    assertTrue(duplicate.err().contains("already exists"), duplicate.toString());

    var stale = admin.run("tenants", "patch", slug, "--plan", "large", "--if-match", "99");
    assertEquals(ExitCodes.CONFLICT, stale.exitCode(), stale.toString());

    var reserved = admin.run("tenants", "create", "api");
    assertEquals(ExitCodes.INVALID, reserved.exitCode(), reserved.toString());
    assertTrue(
        reserved.err().contains("(422)") && reserved.err().contains("reserved"),
        reserved.toString());

    var unconfirmed = admin.run("ops", "dead-letters", "purge", "--reason", "test");
    assertEquals(ExitCodes.INVALID, unconfirmed.exitCode(), unconfirmed.toString());
    assertTrue(unconfirmed.err().contains("confirm"), unconfirmed.toString());
  }

  @Test
  void anExpiredTokenIsAnAuthErrorThatSaysItExpired() {
    Instant now = Instant.now();
    String expired =
        DevToken.fromPem(
                Path.of(env.get("SLIPWAY_DEV_JWT_KEY")),
                env.get("SLIPWAY_DEV_JWT_ISSUER"),
                env.get("SLIPWAY_DEV_JWT_AUDIENCE"),
                JSON)
            .mint(
                "local-admin",
                "admin",
                null,
                now.minus(Duration.ofHours(2)),
                now.minus(Duration.ofHours(1)));
    var result = admin.run("tenants", "list", "--token", expired);
    assertEquals(ExitCodes.AUTH, result.exitCode(), result.toString());
    assertTrue(
        result.err().contains("(401)") && result.err().contains("expired at"), result.toString());
  }

  @Test
  void anUnreachableApiExitsSixAndNamesIt() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port;
    var result = admin.run("tenants", "list", "--api-url", url);
    assertEquals(ExitCodes.UNAVAILABLE, result.exitCode(), result.toString());
    assertTrue(result.err().contains("cannot reach the API at " + url), result.toString());
  }

  @Test
  void theShippedJarRunsOnItsOwn() throws Exception {
    Path jar = RunningStack.repoRoot().resolve("cli/target/slipway-cli.jar");
    assertTrue(Files.isRegularFile(jar), jar + " is built by the cli module's package phase");
    ProcessBuilder pb =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "tenants",
                "list",
                "-o",
                "json")
            .directory(elsewhere.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    pb.environment().put("SLIPWAY_API_URL", env.get("SLIPWAY_API_URL"));
    pb.environment().put("SLIPWAY_TOKEN", env.get("SLIPWAY_ADMIN_TOKEN"));
    pb.environment().put("HOME", elsewhere.toString());
    Process process = pb.start();
    byte[] out = process.getInputStream().readAllBytes();
    assertEquals(0, process.waitFor());
    assertTrue(JSON.readTree(out).get("items").isArray());
  }
}
