package dev.slipway.cli.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.cli.CliException;
import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.Session;
import dev.slipway.cli.output.Printer;
import dev.slipway.cli.output.ProgressBar;
import java.time.Duration;
import java.util.Map;

/**
 * Follows a job to its end with a progress bar: redrawn in place on a terminal, a line per change
 * otherwise (logs, pipes). Exit 0 when it succeeded, 7 when it failed or was cancelled.
 */
final class JobWatcher {
  private static final Duration INTERVAL = Duration.ofMillis(500);
  private final Session session;
  private final boolean terminal;

  JobWatcher(Session session) {
    this.session = session;
    this.terminal = System.console() != null;
  }

  int follow(String id) {
    Printer printer = session.printer();
    ProgressBar bar = new ProgressBar(30);
    String last = null;
    while (true) {
      JsonNode job = session.api().get("v1/ops/jobs/" + id, Map.of()).body();
      String status = job.path("status").asText();
      String line =
          bar.render(OpsColumns.handled(job), job.path("total").asInt())
              + "  "
              + status
              + String.format(
                  "  done %d, skipped %d, failed %d",
                  job.path("done").asInt(),
                  job.path("skipped").asInt(),
                  job.path("failed").asInt());
      if (printer.isTable() && !line.equals(last)) {
        printer.out().print(terminal ? "\r" + line : line + "\n");
        printer.out().flush();
        last = line;
      }
      if (!status.equals("running")) {
        if (printer.isTable() && terminal) {
          printer.out().println();
        }
        if (!printer.isTable()) {
          printer.raw(job);
        }
        if (!status.equals("succeeded")) {
          throw new CliException(
              ExitCodes.WATCH_FAILED, "job " + id + " " + status + lastError(job));
        }
        return ExitCodes.OK;
      }
      try {
        Thread.sleep(INTERVAL.toMillis()); // no watch endpoint: poll
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CliException(ExitCodes.WATCH_FAILED, "interrupted");
      }
    }
  }

  private static String lastError(JsonNode job) {
    return job.hasNonNull("lastError") ? ": " + job.get("lastError").asText() : "";
  }
}
