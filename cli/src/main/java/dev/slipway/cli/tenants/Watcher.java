package dev.slipway.cli.tenants;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.cli.CliException;
import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.Session;
import dev.slipway.cli.output.Fields;
import dev.slipway.cli.output.Printer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Polls a tenant or an operation until it settles (see Settled), printing a line per change in a
 * table, or only the final state as JSON/YAML so the output stays one document. The API has no
 * watch endpoint, so this polls at {@code interval}.
 */
final class Watcher {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
  private final Session session;
  private final Duration interval;
  private final Duration timeout;

  Watcher(Session session, Duration interval, Duration timeout) {
    this.session = session;
    this.interval = interval;
    this.timeout = timeout;
  }

  /** {@code printFinal}: as JSON/YAML, print the settled state (not when a change was printed). */
  int tenant(String slug, boolean printFinal) {
    return follow(
        printFinal,
        Paths.tenant(slug),
        Settled::tenant,
        t ->
            String.format(
                "%-14s ready %-5s generation %-5s %s",
                t.path("phase").asText(),
                TenantColumns.ready(t),
                TenantColumns.generation(t),
                Fields.shorten(Fields.text(t, "lastError"), 80)),
        slug);
  }

  int operation(String id) {
    return follow(
        true,
        "v1/operations/" + id,
        Settled::operation,
        o ->
            String.format(
                "%-10s %-11s attempts %-3s %s",
                o.path("type").asText(),
                o.path("status").asText(),
                o.path("attempts").asText(),
                Fields.shorten(Fields.text(o, "lastError"), 80)),
        "operation " + id);
  }

  private int follow(
      boolean printFinal,
      String path,
      Function<JsonNode, Optional<Boolean>> settled,
      Function<JsonNode, String> line,
      String what) {
    Printer printer = session.printer();
    Instant deadline = session.clock().instant().plus(timeout);
    String last = null;
    while (true) {
      JsonNode state = session.api().get(path, Map.of()).body();
      String now = line.apply(state).stripTrailing();
      if (!now.equals(last)) {
        printer.note(TIME.format(session.clock().instant()) + "  " + what + "  " + now);
        last = now;
      }
      Optional<Boolean> done = settled.apply(state);
      if (done.isPresent()) {
        if (printFinal && !printer.isTable()) {
          printer.raw(state);
        }
        if (!done.get()) {
          throw new CliException(ExitCodes.WATCH_FAILED, what + " failed: " + now);
        }
        return ExitCodes.OK;
      }
      if (session.clock().instant().isAfter(deadline)) {
        throw new CliException(
            ExitCodes.WATCH_FAILED, what + " did not settle within " + timeout + ": " + now);
      }
      pause();
    }
  }

  private void pause() {
    try {
      Thread.sleep(interval.toMillis()); // the API has no watch endpoint: poll at the interval
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCodes.WATCH_FAILED, "interrupted");
    }
  }
}
