package dev.slipway.cli.rollouts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.cli.CliException;
import dev.slipway.cli.DurationConverter;
import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.Session;
import dev.slipway.cli.output.Fields;
import dev.slipway.cli.output.Printer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Follows a rollout until a final status: a line per change in a table, the final view as
 * JSON/YAML. Exit 0 when it SUCCEEDED, 7 when it was ROLLED_BACK or ABORTED, or ended HALTED (a
 * bulk stop, start or delete that undoes nothing: finishedAt set), or --timeout passed. The API has
 * no watch endpoint: it polls.
 */
@Command(name = "watch", description = "Follow a rollout until it succeeds, rolls back or aborts.")
final class RolloutWatch implements Callable<Integer> {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
  private final Session session;

  @Parameters(paramLabel = "ID")
  String id;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "1h",
      converter = DurationConverter.class,
      description = "give up after (default 1h)")
  Duration timeout;

  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      defaultValue = "2s",
      converter = DurationConverter.class,
      description = "poll every (default 2s)")
  Duration interval;

  RolloutWatch(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    Printer printer = session.printer();
    Instant deadline = session.clock().instant().plus(timeout);
    String last = null;
    while (true) {
      JsonNode rollout = session.api().get(RolloutsCommand.path(id), Map.of()).body();
      String status = rollout.path("status").asText();
      String line =
          String.format(
                  "%-11s wave %-5s %s  %s",
                  status,
                  RolloutColumns.wave(rollout),
                  RolloutColumns.progress(rollout),
                  Fields.shorten(Fields.text(rollout, "lastError"), 80))
              .stripTrailing();
      if (!line.equals(last)) {
        printer.note(TIME.format(session.clock().instant()) + "  rollout " + id + "  " + line);
        last = line;
      }
      if (RolloutColumns.FINAL.contains(status) || rollout.hasNonNull("finishedAt")) {
        if (!printer.isTable()) {
          printer.raw(rollout);
        }
        if (!status.equals("SUCCEEDED")) {
          throw new CliException(ExitCodes.WATCH_FAILED, "rollout " + id + " " + line);
        }
        return ExitCodes.OK;
      }
      if (session.clock().instant().isAfter(deadline)) {
        throw new CliException(
            ExitCodes.WATCH_FAILED, "rollout " + id + " not done within " + timeout + ": " + line);
      }
      try {
        Thread.sleep(interval.toMillis()); // no watch endpoint: poll at the interval
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CliException(ExitCodes.WATCH_FAILED, "interrupted");
      }
    }
  }
}
