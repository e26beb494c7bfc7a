package dev.slipway.e2e.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.config.DevToken;
import dev.slipway.e2e.RunningStack;
import dev.slipway.local.LocalStackOptions;
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
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line tool against the real local stack (issue 25): the acceptance path (create, watch
 * to RUNNING, JSON listings), every error class with its exit code, and the fleet commands (fleet,
 * freeze, label selection, rollouts from dry run to watch, their control and refusals).
 */
class CliIT {
  // Kept when a test fails: the services' logs are in its logs/ directory.
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  static Path stateDir;

  @TempDir static Path elsewhere;
  static RunningStack running;
  static Map<String, String> env;
  static CliRunner admin;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void startStack() throws Exception {
    System.out.println("CliIT: stack state and logs in " + stateDir);
    // A shorter rollout tick than the default 2 s keeps the rollout cases short.
    running =
        RunningStack.start(
            LocalStackOptions.test(RunningStack.repoRoot(), stateDir)
                .withServiceEnv(Map.of("SLIPWAY_API_ROLLOUTS_TICK_INTERVAL", "1s")));
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

  static LabelledTenants labelled(int count) throws Exception {
    return LabelledTenants.create(admin, count);
  }

  static JsonNode json(CliRunner.Result result) throws Exception {
    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    return JSON.readTree(result.out());
  }

  @Test
  void fleetGetShowsTheDefaultAndEveryVersion() throws Exception {
    JsonNode fleet = json(admin.run("fleet", "get", "-o", "json"));
    JsonNode def = fleet.get("default");
    assertTrue(def.get("version").asInt() >= 1, fleet.toString());
    boolean listed = false;
    for (JsonNode v : fleet.get("versions")) {
      listed |= v.get("version").asInt() == def.get("version").asInt();
    }
    assertTrue(listed, "the default is among the versions: " + fleet);

    var table = admin.run("fleet", "get");
    assertEquals(ExitCodes.OK, table.exitCode(), table.toString());
    assertTrue(
        table
            .out()
            .contains(
                "default: version "
                    + def.get("version").asInt()
                    + ", image "
                    + def.get("imageVersion").asText()),
        table.toString());
    assertTrue(table.out().contains("VERSION") && table.out().contains("PROMOTED"), table.out());
  }

  /**
   * Selection by label, a dry run's waves, and a freeze: a frozen tenant leaves the label's
   * selection until unfrozen; a second freeze with another reason is refused naming the first.
   */
  @Test
  void labelsSelectFreezeExcludesAndADryRunChangesNothing() throws Exception {
    LabelledTenants group = labelled(2);
    String frozen = group.slugs.get(0);
    String other = group.slugs.get(1);

    JsonNode page = json(admin.run("tenants", "list", "--label", group.label(), "-o", "json"));
    java.util.List<String> listed = new java.util.ArrayList<>();
    page.get("items").forEach(t -> listed.add(t.get("slug").asText()));
    assertEquals(group.slugs, listed);

    var freeze = admin.run("tenants", "freeze", frozen, "--reason", "incident 4711");
    assertEquals(ExitCodes.OK, freeze.exitCode(), freeze.toString());
    assertTrue(freeze.out().contains("frozen: incident 4711"), freeze.toString());
    JsonNode tenant = json(admin.run("tenants", "get", frozen, "-o", "json"));
    assertEquals("incident 4711", tenant.get("frozen").get("reason").asText());
    var again = admin.run("tenants", "freeze", frozen, "--reason", "another");
    assertEquals(ExitCodes.CONFLICT, again.exitCode(), again.toString());
    assertTrue(again.err().contains("incident 4711"), again.toString());

    String[] dryRun = {
      "rollouts",
      "create",
      "--image-version",
      "1.9.0",
      "--labels",
      group.label(),
      "--waves",
      "100%",
      "--reason",
      "cli dry run",
      "--dry-run"
    };
    JsonNode plan = json(admin.run(concat(dryRun, "-o", "json")));
    assertEquals(1, plan.get("total").asInt(), "the frozen tenant is not selected: " + plan);
    assertEquals(other, plan.get("waves").get(0).get("tenants").get(0).asText(), plan.toString());
    assertTrue(plan.get("diffs").toString().contains(":1.9.0\""), "the image diff: " + plan);

    var unfreeze = admin.run("tenants", "unfreeze", frozen, "--reason", "resolved");
    assertEquals(ExitCodes.OK, unfreeze.exitCode(), unfreeze.toString());
    assertTrue(unfreeze.out().contains("not frozen"), unfreeze.toString());
    var table = admin.run(concat(dryRun, "--canary", "1"));
    assertEquals(ExitCodes.OK, table.exitCode(), table.toString());
    assertTrue(table.out().contains("Dry run: 2 tenants, nothing was changed."), table.out());
    assertTrue(
        table.out().lines().anyMatch(l -> l.startsWith("0 (canary)") && l.contains(" 1 ")),
        table.out());
    assertTrue(table.out().lines().anyMatch(l -> l.startsWith("1 ")), table.out());
    for (String slug : group.slugs) {
      JsonNode unchanged = json(admin.run("tenants", "get", slug, "-o", "json"));
      assertEquals(1, unchanged.get("generation").asInt(), unchanged.toString());
    }
  }

  /** A canary and one wave, no bake: {@code rollouts watch} follows it to SUCCEEDED, exit 0. */
  @Test
  void aRolloutOverLabelledTenantsIsWatchedToSucceeded() throws Exception {
    LabelledTenants group = labelled(3);
    String image = "1.2.3-cli";
    JsonNode rollout =
        json(
            admin.run(
                "rollouts",
                "create",
                "--image-version",
                image,
                "--labels",
                group.label(),
                "--canary",
                "1",
                "--waves",
                "100%",
                "--bake",
                "0s",
                "--ready-timeout",
                "60s",
                "--reason",
                "cli e2e",
                "-o",
                "json"));
    String id = rollout.get("id").asText();
    assertEquals(2, rollout.get("waves").size(), rollout.toString());

    var watched = admin.run("rollouts", "watch", id, "--interval", "500ms", "--timeout", "120s");
    assertEquals(ExitCodes.OK, watched.exitCode(), watched.toString());
    assertTrue(watched.out().lines().anyMatch(l -> l.contains(" SUCCEEDED ")), watched.out());

    JsonNode done = json(admin.run("rollouts", "get", id, "-o", "json"));
    assertEquals(3, done.get("counts").get("ready").asInt(), done.toString());
    for (String slug : group.slugs) {
      JsonNode tenant = json(admin.run("tenants", "get", slug, "-o", "json"));
      assertEquals(image, tenant.get("effectiveImageVersion").asText(), tenant.toString());
      String deployed =
          running
              .kube()
              .apps()
              .deployments()
              .inNamespace(tenant.get("namespace").asText())
              .withName(slug)
              .get()
              .getSpec()
              .getTemplate()
              .getSpec()
              .getContainers()
              .get(0)
              .getImage();
      assertTrue(deployed.endsWith(":" + image), deployed);
    }
    boolean versioned = false;
    for (JsonNode v : json(admin.run("fleet", "get", "-o", "json")).get("versions")) {
      versioned |=
          id.equals(v.path("rolloutId").asText()) && image.equals(v.path("imageVersion").asText());
    }
    assertTrue(versioned, "the rollout's fleet version is listed");
  }

  /**
   * Pause, resume and abort through the tool, and the refusals with their exit codes: an
   * overlapping rollout (409), a control its status forbids (409), a selector matching nobody and a
   * bad duration (422).
   */
  @Test
  void rolloutsArePausedResumedAbortedAndRefusedWithTheirExitCodes() throws Exception {
    LabelledTenants group = labelled(2);
    String[] create = {
      "rollouts",
      "create",
      "--image-version",
      "1.3.0",
      "--labels",
      group.label(),
      "--canary",
      "1",
      "--waves",
      "100%",
      "--bake",
      "10m",
      "--reason",
      "cli control"
    };
    String id = json(admin.run(concat(create, "-o", "json"))).get("id").asText();

    var overlap = admin.run(create);
    assertEquals(ExitCodes.CONFLICT, overlap.exitCode(), overlap.toString());
    assertTrue(overlap.err().contains("(409)") && overlap.err().contains(id), overlap.toString());

    var paused = admin.run("rollouts", "pause", id, "--reason", "look at the canary");
    assertEquals(ExitCodes.OK, paused.exitCode(), paused.toString());
    assertTrue(paused.out().contains("PAUSED"), paused.toString());
    assertEquals(
        "PAUSED", json(admin.run("rollouts", "get", id, "-o", "json")).get("status").asText());
    var resumed = admin.run("rollouts", "resume", id);
    assertEquals(ExitCodes.OK, resumed.exitCode(), resumed.toString());
    assertTrue(resumed.out().contains("RUNNING"), resumed.toString());
    var aborted = admin.run("rollouts", "abort", id, "--reason", "wrong image");
    assertEquals(ExitCodes.OK, aborted.exitCode(), aborted.toString());
    assertTrue(aborted.out().contains("ABORTED"), aborted.toString());

    var watched = admin.run("rollouts", "watch", id, "--interval", "200ms", "--timeout", "30s");
    assertEquals(ExitCodes.WATCH_FAILED, watched.exitCode(), watched.toString());
    assertTrue(watched.err().contains("ABORTED"), watched.toString());
    var late = admin.run("rollouts", "resume", id);
    assertEquals(ExitCodes.CONFLICT, late.exitCode(), late.toString());

    var nobody =
        admin.run(
            "rollouts",
            "create",
            "--image-version",
            "1.3.0",
            "--labels",
            "suite=nobody-" + slug(),
            "--waves",
            "100%",
            "--reason",
            "cli selector");
    assertEquals(ExitCodes.INVALID, nobody.exitCode(), nobody.toString());
    assertTrue(
        nobody.err().contains("(422)") && nobody.err().contains("selector"), nobody.toString());
    var badBake =
        admin.run(
            "rollouts",
            "create",
            "--image-version",
            "1.3.0",
            "--labels",
            group.label(),
            "--waves",
            "100%",
            "--bake",
            "soon",
            "--reason",
            "cli strategy");
    assertEquals(ExitCodes.INVALID, badBake.exitCode(), badBake.toString());
    assertTrue(badBake.err().contains("strategy.bake"), badBake.toString());
  }

  private static String[] concat(String[] args, String... more) {
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
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
