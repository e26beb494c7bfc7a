package dev.slipway.cli.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.cli.CommandGroup;
import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.Session;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ops jobs get|watch|cancel}: replay and purge jobs (/v1/ops/jobs/{id}). */
@Command(
    name = "jobs",
    description = "Replay and purge jobs: progress, follow, cancel.",
    subcommands = {JobsCommand.Get.class, JobsCommand.Watch.class, JobsCommand.Cancel.class})
final class JobsCommand extends CommandGroup {

  @Command(name = "get", description = "A job's status and counts.")
  static final class Get implements Callable<Integer> {
    private final Session session;

    @Parameters(paramLabel = "ID")
    String id;

    Get(Session session) {
      this.session = session;
    }

    @Override
    public Integer call() {
      session
          .printer()
          .row(session.api().get("v1/ops/jobs/" + id, Map.of()).body(), OpsColumns.JOB);
      return ExitCodes.OK;
    }
  }

  @Command(name = "watch", description = "Follow a job with a progress bar until it ends.")
  static final class Watch implements Callable<Integer> {
    private final Session session;

    @Parameters(paramLabel = "ID")
    String id;

    Watch(Session session) {
      this.session = session;
    }

    @Override
    public Integer call() {
      return new JobWatcher(session).follow(id);
    }
  }

  @Command(
      name = "cancel",
      description = "Stop a running job after its current message (409 if ended).")
  static final class Cancel implements Callable<Integer> {
    private final Session session;

    @Parameters(paramLabel = "ID")
    String id;

    @Option(names = "--reason", required = true, description = "why, for the audit")
    String reason;

    Cancel(Session session) {
      this.session = session;
    }

    @Override
    public Integer call() {
      ObjectNode body = session.json().createObjectNode().put("reason", reason);
      var job =
          session
              .api()
              .write("POST", "v1/ops/jobs/" + id + "/cancel", body, "application/json", Map.of())
              .body();
      session.printer().row(job, OpsColumns.JOB);
      return ExitCodes.OK;
    }
  }
}
