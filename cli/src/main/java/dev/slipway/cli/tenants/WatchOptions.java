package dev.slipway.cli.tenants;

import dev.slipway.cli.DurationConverter;
import dev.slipway.cli.Session;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How long and how often a watch polls; shared by {@code watch} and every {@code --wait}. */
final class WatchOptions {
  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "5m",
      converter = DurationConverter.class,
      description = "give up after (default 5m)")
  Duration timeout;

  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      defaultValue = "1s",
      converter = DurationConverter.class,
      description = "poll every (default 1s)")
  Duration interval;

  Watcher watcher(Session session) {
    return new Watcher(session, interval, timeout);
  }
}
