package dev.slipway.cli.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.cli.CliException;
import dev.slipway.cli.ExitCodes;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Decides the API URL and token. The first source that names an API URL wins: flags, then the
 * environment, then a context asked for by name, then the local stack's {@code .slipway/local.env}
 * (found from the working directory up), then the config file's current context. The token comes
 * from {@code --token} or {@code SLIPWAY_TOKEN} when given, otherwise from that same source, so a
 * token is never sent to an API URL it was not configured with.
 */
public final class ConfigResolver {
  private final Map<String, String> env;
  private final Path cwd;
  private final ObjectMapper yaml;

  public ConfigResolver(Map<String, String> env, Path cwd, ObjectMapper yaml) {
    this.env = env;
    this.cwd = cwd;
    this.yaml = yaml;
  }

  public Target resolve(String flagUrl, String flagToken, String flagContext) {
    String explicitToken = firstNonBlank(flagToken, env.get("SLIPWAY_TOKEN"));
    String tokenSource = flagToken != null ? "--token" : "SLIPWAY_TOKEN";
    if (!blank(flagUrl)) {
      return target(flagUrl, "--api-url", explicitToken, tokenSource, null, null);
    }
    if (!blank(env.get("SLIPWAY_API_URL"))) {
      return target(
          env.get("SLIPWAY_API_URL"),
          "SLIPWAY_API_URL",
          explicitToken,
          tokenSource,
          env.get("SLIPWAY_ADMIN_TOKEN"),
          "SLIPWAY_ADMIN_TOKEN");
    }
    String context = firstNonBlank(flagContext, env.get("SLIPWAY_CONTEXT"));
    Path configPath = ConfigFile.location(env);
    Optional<ConfigFile> config = ConfigFile.load(configPath, yaml);
    if (context != null) {
      ConfigFile file =
          config.orElseThrow(
              () ->
                  new CliException(
                      ExitCodes.USAGE,
                      "context '" + context + "' asked for, but no " + configPath));
      return fromContext(file, context, explicitToken, tokenSource);
    }
    Optional<Path> local = LocalEnv.find(cwd);
    if (local.isPresent()) {
      Map<String, String> stack = LocalEnv.read(local.get());
      if (!blank(stack.get("SLIPWAY_API_URL"))) {
        return target(
            stack.get("SLIPWAY_API_URL"),
            local.get().toString(),
            explicitToken,
            tokenSource,
            stack.get("SLIPWAY_ADMIN_TOKEN"),
            local.get() + " (SLIPWAY_ADMIN_TOKEN)");
      }
    }
    if (config.isPresent() && config.get().currentContext().isPresent()) {
      return fromContext(
          config.get(), config.get().currentContext().get(), explicitToken, tokenSource);
    }
    throw new CliException(
        ExitCodes.USAGE,
        "no API to talk to: pass --api-url, set SLIPWAY_API_URL, add a context to "
            + configPath
            + ", or run from the repository while ./slipway up is running");
  }

  private Target fromContext(ConfigFile file, String name, String explicit, String explicitSource) {
    ConfigFile.Context c = file.context(name, env);
    if (blank(c.apiUrl())) {
      throw new CliException(
          ExitCodes.USAGE, "context '" + name + "' in " + file.path() + " has no api-url");
    }
    String source = file.path() + " (context " + name + ")";
    return target(c.apiUrl(), source, explicit, explicitSource, c.token(), source);
  }

  private static Target target(
      String url,
      String urlSource,
      String explicit,
      String explicitSource,
      String own,
      String ownSource) {
    URI uri;
    try {
      uri = URI.create(url.endsWith("/") ? url : url + "/");
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException("no scheme or host");
      }
    } catch (IllegalArgumentException e) {
      throw new CliException(
          ExitCodes.USAGE, "API URL '" + url + "' from " + urlSource + " is not a URL");
    }
    if (explicit != null) {
      return new Target(uri, explicit, urlSource, explicitSource);
    }
    return new Target(uri, blank(own) ? null : own, urlSource, blank(own) ? "none" : ownSource);
  }

  private static String firstNonBlank(String a, String b) {
    return !blank(a) ? a : (!blank(b) ? b : null);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
