package dev.slipway.e2e.convergence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The results of one run, a row per fault, printed and written as a Markdown table. */
final class FaultMatrix {
  /** One fault's row. */
  record Row(
      String fault,
      Nemesis.Trials trials,
      History.Counts load,
      Findings.Report report,
      Timing timing) {}

  /**
   * Times from the heal (load stopped): to the queue and outbox drained, and to the first clean
   * check. What lies between them is the reconciler's part: its next pass, and the RECONCILEs it
   * queued for lost messages.
   */
  record Timing(Duration drainedIn, Duration convergedIn) {
    Duration afterDrain() {
      return convergedIn.minus(drainedIn);
    }

    @Override
    public String toString() {
      return "drained-in=%.1fs converged-in=%.1fs after-drain=%.1fs"
          .formatted(seconds(drainedIn), seconds(convergedIn), seconds(afterDrain()));
    }
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }

  private final List<Row> rows = new CopyOnWriteArrayList<>();

  void add(Row row) {
    rows.add(row);
  }

  String markdown(String mode, Duration total) {
    StringBuilder out = new StringBuilder();
    out.append("Convergence run, mode ").append(mode).append(", ").append(LocalDate.now());
    out.append(", ").append(total.toSeconds()).append(" s\n\n");
    out.append(
        "| fault | trials | load | lost | unexpected | duplicates | stuck | queue drained in |"
            + " converged in | after the drain |\n");
    out.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Row r : rows) {
      out.append(
          "| %s | %d (%s) | %d requests, %d acknowledged, %d refused, %d retried | %d | %d | %d | %d | %.1f s | %.1f s | %.1f s |\n"
              .formatted(
                  r.fault(),
                  r.trials().count(),
                  r.trials().detail(),
                  r.load().requests(),
                  r.load().acknowledged(),
                  r.load().refused(),
                  r.load().retried(),
                  r.report().lost(),
                  r.report().unexpected(),
                  r.report().duplicates(),
                  r.report().stuck(),
                  seconds(r.timing().drainedIn()),
                  seconds(r.timing().convergedIn()),
                  seconds(r.timing().afterDrain())));
    }
    return out.toString();
  }

  void write(Path file, String mode, Duration total) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, markdown(mode, total));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
