package dev.slipway.e2e.bench;

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

  /** The machine's load average line, printed beside every figure. */
  static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (java.io.IOException e) {
      return "n/a";
    }
  }
}
