package dev.slipway.cli;

import dev.slipway.cli.config.ConfigCommand;
import dev.slipway.cli.config.TokenCommand;
import dev.slipway.cli.fleet.FleetCommand;
import dev.slipway.cli.ops.OpsCommand;
import dev.slipway.cli.output.OutputFormat;
import dev.slipway.cli.rollouts.BulkCommand;
import dev.slipway.cli.rollouts.RolloutsCommand;
import dev.slipway.cli.tenants.TenantsCommand;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root command: global options (inherited by every subcommand) and the entry points. */
@Command(
    name = "slipway-cli",
    // --help and --version on every subcommand, not only here.
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = SlipwayCli.Version.class,
    description =
        "Slipway's command-line tool: tenants, rollouts and ops, over the public HTTP API.",
    subcommands = {
      TenantsCommand.class,
      RolloutsCommand.class,
      BulkCommand.class,
      FleetCommand.class,
      OpsCommand.class,
      TokenCommand.class,
      ConfigCommand.class,
      CompletionCommand.class,
      HelpCommand.class
    })
public final class SlipwayCli extends CommandGroup {
  private final Session session;

  SlipwayCli(Session session) {
    this.session = session;
  }

  @Option(
      names = "--api-url",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      description = "API base URL (else SLIPWAY_API_URL, a context, or .slipway/local.env)")
  void apiUrl(String url) {
    session.apiUrl = url;
  }

  @Option(
      names = "--token",
      scope = ScopeType.INHERIT,
      paramLabel = "JWT",
      description = "bearer token (else SLIPWAY_TOKEN, the context's, or the local admin token)")
  void token(String token) {
    session.token = token;
  }

  @Option(
      names = "--context",
      scope = ScopeType.INHERIT,
      paramLabel = "NAME",
      description = "a named context of the config file (else SLIPWAY_CONTEXT)")
  void context(String context) {
    session.context = context;
  }

  @Option(
      names = {"-o", "--output"},
      scope = ScopeType.INHERIT,
      paramLabel = "FORMAT",
      description = "table (default), json or yaml")
  void output(OutputFormat format) {
    session.output = format;
  }

  @Option(
      names = "--request-timeout",
      scope = ScopeType.INHERIT,
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "how long one HTTP request may take (default 30s)")
  void timeout(java.time.Duration duration) {
    session.timeout = duration;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    Path cwd = Path.of("").toAbsolutePath();
    System.exit(run(args, System.getenv(), cwd, out, err, Clock.systemUTC()));
  }

  /**
   * Runs one command line; everything from outside comes in as arguments (tests pass their own).
   */
  public static int run(
      String[] args,
      Map<String, String> env,
      Path cwd,
      PrintWriter out,
      PrintWriter err,
      Clock clock) {
    return commandLine(new Session(env, cwd, out, err, clock)).execute(args);
  }

  static CommandLine commandLine(Session session) {
    ErrorReporter errors = new ErrorReporter(session);
    CommandLine cli = new CommandLine(SlipwayCli.class, new CommandFactory(session));
    cli.setOut(session.out())
        .setErr(session.err())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(errors)
        .setParameterExceptionHandler(errors);
    return cli;
  }

  /** The version from the jar's manifest ("dev" when run from classes). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = SlipwayCli.class.getPackage().getImplementationVersion();
      return new String[] {"slipway-cli " + (v == null ? "dev" : v)};
    }
  }
}
