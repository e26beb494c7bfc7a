package dev.slipway.e2e.bench;

import dev.slipway.local.bench.Percentiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** What the pipeline benchmarks read back after a run of creates named {@code <run>-…}. */
final class RunTimings {
  private RunTimings() {}

  /** Milliseconds from each create's operation queued to its tenant's Running write, sorted. */
  static double[] createToRunning(Connection db, String run) throws Exception {
    try (PreparedStatement s =
        db.prepareStatement(
            "SELECT extract(epoch FROM t.status_updated_at - o.queued_at) * 1000"
                + " FROM tenants t JOIN operations o ON o.tenant_id = t.id AND o.type = 'CREATE'"
                + " WHERE t.slug LIKE ? ORDER BY 1")) {
      s.setString(1, run + "-%");
      List<Double> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getDouble(1));
        }
      }
      return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
  }

  /**
   * Where each create's wait went, by the database's clocks: API transaction to the relay's send
   * ({@code outbox.sent_at}), send to the worker beginning it ({@code operations.started_at}: the
   * queue, the receive, the wait for a worker), the worker's apply and its recording ({@code
   * finished_at}), and from there to the Running write (the informer seeing the Deployment ready).
   * One line: p50 / p99 of each stage in milliseconds.
   */
  static String stages(Connection db, String run) throws Exception {
    String[] names = {"to relay send", "queue to worker", "apply", "to Running"};
    String sql =
        "SELECT extract(epoch FROM x.sent_at - o.queued_at) * 1000,"
            + " extract(epoch FROM o.started_at - x.sent_at) * 1000,"
            + " extract(epoch FROM o.finished_at - o.started_at) * 1000,"
            + " extract(epoch FROM t.status_updated_at - o.finished_at) * 1000"
            + " FROM tenants t JOIN operations o ON o.tenant_id = t.id AND o.type = 'CREATE'"
            + " JOIN outbox x ON x.operation_id = o.id WHERE t.slug LIKE ?";
    List<List<Double>> columns = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      columns.add(new ArrayList<>());
    }
    try (PreparedStatement s = db.prepareStatement(sql)) {
      s.setString(1, run + "-%");
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          for (int i = 0; i < names.length; i++) {
            columns.get(i).add(rs.getDouble(i + 1));
          }
        }
      }
    }
    StringBuilder line = new StringBuilder("stages p50 / p99 ms:");
    for (int i = 0; i < names.length; i++) {
      List<Double> v = columns.get(i);
      v.sort(null);
      if (!v.isEmpty()) {
        line.append(
            String.format(
                " %s %.1f / %.1f;", names[i], v.get(v.size() / 2), Percentiles.of(v, 0.99)));
      }
    }
    return line.toString();
  }

  /** The machine's load average line, printed beside every figure. */
  static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (java.io.IOException e) {
      return "n/a";
    }
  }
}
