package dev.slipway.cli.config;

import dev.slipway.cli.CommandGroup;
import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Shows which API and token the tool would use, and the config file's contexts. */
@Command(
    name = "config",
    description = "Show the resolved configuration and the config file's contexts.",
    subcommands = {ConfigCommand.View.class, ConfigCommand.Contexts.class})
public final class ConfigCommand extends CommandGroup {

  @Command(name = "view", description = "The API URL and token source in use (never the token).")
  static final class View implements Callable<Integer> {
    private final Session session;

    View(Session session) {
      this.session = session;
    }

    @Override
    public Integer call() {
      Target t = session.target();
      session.out().println("api-url:      " + t.apiUrl() + "   (from " + t.apiUrlSource() + ")");
      session
          .out()
          .println("token:        " + (t.token() == null ? "none" : "from " + t.tokenSource()));
      session.out().println("config file:  " + ConfigFile.location(session.env()));
      session.out().flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "contexts", description = "The contexts of the config file.")
  static final class Contexts implements Callable<Integer> {
    private final Session session;

    Contexts(Session session) {
      this.session = session;
    }

    @Override
    public Integer call() {
      var path = ConfigFile.location(session.env());
      var file = ConfigFile.load(path, session.yaml());
      if (file.isEmpty()) {
        session.err().println("No config file at " + path + ".");
        session.err().flush();
        return ExitCodes.OK;
      }
      String current = file.get().currentContext().orElse("");
      for (String name : file.get().contextNames()) {
        session.out().println((name.equals(current) ? "* " : "  ") + name);
      }
      session.out().flush();
      return ExitCodes.OK;
    }
  }
}
