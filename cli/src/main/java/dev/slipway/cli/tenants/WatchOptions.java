package dev.slipway.cli.tenants;

import dev.slipway.cli.Durations;
import dev.slipway.cli.Session;
import picocli.CommandLine.Option;

/** How long and how often a watch polls; shared by {@code watch} and every {@code --wait}. */
final class WatchOptions {
  @Option(names = "--timeout", defaultValue = "5m", description = "give up after (default 5m)")
  String timeout;

  @Option(names = "--interval", defaultValue = "1s", description = "poll every (default 1s)")
  String interval;

  Watcher watcher(Session session) {
    return new Watcher(session, Durations.parse(interval), Durations.parse(timeout));
  }
}
