package dev.slipway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line without a server: parsing, usage errors, and what needs no API. */
class CliParsingTest {
  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(Map<String, String> env, String... args) {
    return SlipwayCli.run(
        args,
        env,
        dir,
        new PrintWriter(out, true),
        new PrintWriter(err, true),
        Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC));
  }

  @Test
  void unknownCommandsAndOptionsAreUsageErrors() {
    assertEquals(ExitCodes.USAGE, run(Map.of(), "tenants", "lst"));
    assertTrue(err.toString().contains("Try 'slipway-cli tenants --help'"), err.toString());
    assertEquals(ExitCodes.USAGE, run(Map.of(), "tenants", "list", "--bogus"));
    assertEquals(ExitCodes.USAGE, run(Map.of(), "-o", "xml", "tenants", "list"));
  }

  @Test
  void aBadDurationStopsTheCommandBeforeAnyRequest() {
    // Nothing listens at the URL: a request would exit 6, the parse error exits 1 first.
    var env = Map.of("SLIPWAY_API_URL", "http://127.0.0.1:1");
    assertEquals(
        ExitCodes.USAGE, run(env, "tenants", "stop", "acme", "--wait", "--interval", "soon"));
    assertTrue(err.toString().contains("'soon' is not a duration"), err.toString());
  }

  @Test
  void everySubcommandHasHelp() {
    assertEquals(ExitCodes.OK, run(Map.of(), "tenants", "create", "--help"));
    assertTrue(out.toString().contains("--gateway=KEY=VALUE"), out.toString());
    assertEquals(ExitCodes.OK, run(Map.of(), "help", "ops", "dead-letters"));
  }

  @Test
  void aGroupAloneShowsItsUsage() {
    assertEquals(ExitCodes.USAGE, run(Map.of(), "ops"));
    assertTrue(err.toString().contains("dead-letters"), err.toString());
  }

  @Test
  void watchNeedsExactlyOneOfTenantOrOperation() {
    var env = Map.of("SLIPWAY_API_URL", "http://127.0.0.1:1");
    assertEquals(ExitCodes.USAGE, run(env, "tenants", "watch"));
    assertEquals(ExitCodes.USAGE, run(env, "tenants", "watch", "acme", "--operation", "x"));
  }

  @Test
  void nothingConfiguredIsAUsageErrorThatSaysWhatToSet() {
    assertEquals(ExitCodes.USAGE, run(Map.of("HOME", dir.toString()), "tenants", "list"));
    assertTrue(err.toString().contains("SLIPWAY_API_URL"), err.toString());
  }

  @Test
  void anUnreachableApiExitsWithSixAndNamesTheUrl() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // closed again: nothing listens there
    }
    String url = "http://127.0.0.1:" + port;
    assertEquals(ExitCodes.UNAVAILABLE, run(Map.of("SLIPWAY_API_URL", url), "tenants", "list"));
    assertTrue(err.toString().contains(url), err.toString());
  }

  @Test
  void completionPrintsABashScriptForEveryCommand() {
    assertEquals(ExitCodes.OK, run(Map.of(), "completion"));
    String script = out.toString();
    assertTrue(script.contains("complete -F"), script.substring(0, 200));
    assertTrue(script.contains("dead-letters") && script.contains("rotate-token"));
  }

  @Test
  void inheritedGlobalOptionsWorkAfterTheSubcommand() {
    assertEquals(
        ExitCodes.OK,
        run(Map.of("HOME", dir.toString()), "config", "view", "--api-url", "http://api.example:9"));
    assertTrue(out.toString().contains("http://api.example:9/   (from --api-url)"), out.toString());
    assertTrue(out.toString().contains("token:        none"), out.toString());
  }

  @Test
  void theExpiryOfATokenIsReadToExplainA401() {
    var session = new Session(Map.of(), dir, null, null, Clock.systemUTC());
    var reporter = new ErrorReporter(session);
    String claims =
        Base64.getUrlEncoder().withoutPadding().encodeToString("{\"exp\":1700000000}".getBytes());
    assertEquals(Instant.ofEpochSecond(1700000000), reporter.expiry("h." + claims + ".s"));
    assertNull(reporter.expiry("not-a-jwt"));
  }
}
