package dev.slipway.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.slipway.cli.config.ConfigResolver;
import dev.slipway.cli.config.Target;
import dev.slipway.cli.http.ApiClient;
import dev.slipway.cli.output.OutputFormat;
import dev.slipway.cli.output.Printer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * One invocation's world: environment, working directory, output streams and the global options,
 * handed to every command by {@link CommandFactory}. Tests build one with their own environment, so
 * nothing reads {@code System.getenv()} behind their back. Heavy parts are made on first use.
 */
public final class Session {
  private final Map<String, String> env;
  private final Path cwd;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Clock clock;
  String apiUrl;
  String token;
  String context;
  OutputFormat output = OutputFormat.table;
  Duration timeout = Duration.ofSeconds(30);
  private ObjectMapper json;
  private ObjectMapper yaml;
  private Target target;
  private ApiClient api;

  public Session(Map<String, String> env, Path cwd, PrintWriter out, PrintWriter err, Clock clock) {
    this.env = env;
    this.cwd = cwd;
    this.out = out;
    this.err = err;
    this.clock = clock;
  }

  public ObjectMapper json() {
    if (json == null) {
      json = new ObjectMapper();
    }
    return json;
  }

  public ObjectMapper yaml() {
    if (yaml == null) {
      yaml =
          new ObjectMapper(
              YAMLFactory.builder()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  .build());
    }
    return yaml;
  }

  /** The API URL and token, resolved once (see ConfigResolver for the order of the sources). */
  public Target target() {
    if (target == null) {
      target = new ConfigResolver(env, cwd, yaml()).resolve(apiUrl, token, context);
    }
    return target;
  }

  /** The target if it resolves, without failing: for explaining an error after the fact. */
  Target targetIfKnown() {
    return target;
  }

  public ApiClient api() {
    if (api == null) {
      api = new ApiClient(target().apiUrl(), target().token(), timeout, json());
    }
    return api;
  }

  public Printer printer() {
    return new Printer(output, out, err, json(), output == OutputFormat.yaml ? yaml() : null);
  }

  public Map<String, String> env() {
    return env;
  }

  public Path cwd() {
    return cwd;
  }

  public PrintWriter out() {
    return out;
  }

  public PrintWriter err() {
    return err;
  }

  public Clock clock() {
    return clock;
  }

  public OutputFormat output() {
    return output;
  }
}
