package dev.slipway.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.slipway.cli.CliException;
import dev.slipway.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigResolverTest {
  @TempDir Path home;
  @TempDir Path repo;
  final Map<String, String> env = new HashMap<>();
  final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

  @BeforeEach
  void files() throws Exception {
    env.put("HOME", home.toString());
    Files.createDirectories(home.resolve(".config/slipway"));
    Files.writeString(
        home.resolve(".config/slipway/config.yaml"),
        "current-context: staging\n"
            + "contexts:\n"
            + "  staging:\n    api-url: https://staging.example\n    token: staging-token\n"
            + "  prod:\n    api-url: https://prod.example\n    token-env: PROD_TOKEN\n");
    Files.createDirectories(repo.resolve(".slipway"));
    Files.writeString(
        repo.resolve(".slipway/local.env"),
        "# Slipway local stack: source this file.\n"
            + "export SLIPWAY_API_URL='http://127.0.0.1:8080'\n"
            + "export SLIPWAY_ADMIN_TOKEN='local-admin'\n");
  }

  Target resolve(Path cwd, String url, String token, String context) {
    return new ConfigResolver(env, cwd, yaml).resolve(url, token, context);
  }

  @Test
  void insideTheRepositoryTheLocalStackNeedsNothingElse() throws Exception {
    Path deep = Files.createDirectories(repo.resolve("api-service/src"));
    Target t = resolve(deep, null, null, null);
    assertEquals("http://127.0.0.1:8080/", t.apiUrl().toString());
    assertEquals("local-admin", t.token());
  }

  @Test
  void outsideItTheConfigFilesCurrentContextApplies() {
    Target t = resolve(home, null, null, null);
    assertEquals("https://staging.example/", t.apiUrl().toString());
    assertEquals("staging-token", t.token());
  }

  @Test
  void aNamedContextWinsOverTheLocalStack() {
    env.put("PROD_TOKEN", "prod-token");
    Target t = resolve(repo, null, null, "prod");
    assertEquals("https://prod.example/", t.apiUrl().toString());
    assertEquals("prod-token", t.token());
    env.put("SLIPWAY_CONTEXT", "prod");
    assertEquals("prod-token", resolve(repo, null, null, null).token());
  }

  @Test
  void environmentWinsOverFilesAndFlagsOverEnvironment() {
    env.put("SLIPWAY_API_URL", "http://env.example");
    env.put("SLIPWAY_TOKEN", "env-token");
    Target fromEnv = resolve(repo, null, null, null);
    assertEquals("http://env.example/", fromEnv.apiUrl().toString());
    assertEquals("env-token", fromEnv.token());
    Target fromFlags = resolve(repo, "http://flag.example/", "flag-token", null);
    assertEquals("http://flag.example/", fromFlags.apiUrl().toString());
    assertEquals("flag-token", fromFlags.token());
  }

  @Test
  void aTokenIsNeverSentToAnApiItWasNotConfiguredFor() {
    // --api-url elsewhere: neither the local admin token nor the context's token goes along.
    Target t = resolve(repo, "https://other.example", null, null);
    assertNull(t.token());
    assertEquals("none", t.tokenSource());
  }

  @Test
  void unknownContextsAndBadUrlsAreUsageErrors() {
    CliException unknown = assertThrows(CliException.class, () -> resolve(home, null, null, "qa"));
    assertEquals(ExitCodes.USAGE, unknown.exitCode());
    assertTrue(unknown.getMessage().contains("[staging, prod]"), unknown.getMessage());
    CliException bad =
        assertThrows(CliException.class, () -> resolve(home, "not a url", null, null));
    assertEquals(ExitCodes.USAGE, bad.exitCode());
  }

  @Test
  void localEnvValuesAreUnquotedAsTheShellWould() {
    Map<String, String> vars =
        LocalEnv.parse("export A='it'\\''s'\nexport B=\"x\"\n# c\nexport C=plain\n");
    assertEquals(Map.of("A", "it's", "B", "x", "C", "plain"), vars);
  }
}
