package dev.slipway.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.cli.CliException;
import dev.slipway.cli.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The config file with named contexts ({@code $SLIPWAY_CONFIG}, else {@code
 * ~/.config/slipway/config.yaml}):
 *
 * <pre>
 * current-context: staging
 * contexts:
 *   staging:
 *     api-url: https://slipway.staging.example.com
 *     token-file: ~/.config/slipway/staging.token   # or token: ..., or token-env: VAR
 * </pre>
 */
public final class ConfigFile {
  private final Path path;
  private final JsonNode root;

  private ConfigFile(Path path, JsonNode root) {
    this.path = path;
    this.root = root;
  }

  public static Path location(Map<String, String> env) {
    String explicit = env.get("SLIPWAY_CONFIG");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    return Path.of(env.getOrDefault("HOME", System.getProperty("user.home")))
        .resolve(".config/slipway/config.yaml");
  }

  /** The file at {@code path}; empty when there is none. */
  public static Optional<ConfigFile> load(Path path, ObjectMapper yaml) {
    if (!Files.isRegularFile(path)) {
      return Optional.empty();
    }
    try {
      JsonNode root = yaml.readTree(path.toFile());
      return Optional.of(new ConfigFile(path, root == null ? yaml.createObjectNode() : root));
    } catch (IOException e) {
      throw new CliException(ExitCodes.USAGE, "cannot read " + path + ": " + e.getMessage());
    }
  }

  public Optional<String> currentContext() {
    return Optional.ofNullable(root.path("current-context").textValue());
  }

  public List<String> contextNames() {
    List<String> names = new ArrayList<>();
    root.path("contexts").fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** The context's API URL and token; unknown names are a usage error that lists the known. */
  public Context context(String name, Map<String, String> env) {
    JsonNode c = root.path("contexts").path(name);
    if (!c.isObject()) {
      throw new CliException(
          ExitCodes.USAGE,
          "no context '" + name + "' in " + path + " (known: " + contextNames() + ")");
    }
    return new Context(name, c.path("api-url").textValue(), token(c, env));
  }

  private String token(JsonNode c, Map<String, String> env) {
    if (c.hasNonNull("token")) {
      return c.get("token").asText();
    }
    if (c.hasNonNull("token-env")) {
      return env.get(c.get("token-env").asText());
    }
    if (c.hasNonNull("token-file")) {
      String file = c.get("token-file").asText();
      if (file.startsWith("~/")) {
        file = env.getOrDefault("HOME", System.getProperty("user.home")) + file.substring(1);
      }
      try {
        return Files.readString(path.resolveSibling(file)).strip();
      } catch (IOException e) {
        throw new CliException(ExitCodes.USAGE, "cannot read token-file " + file);
      }
    }
    return null;
  }

  public Path path() {
    return path;
  }

  public record Context(String name, String apiUrl, String token) {}
}
