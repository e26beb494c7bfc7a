package dev.slipway.api.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/** SQL for the outbox gauges and the retention cleanup; each statement in autocommit. */
final class MaintenanceStore {
  private MaintenanceStore() {}

  /** Pending rows and the age of the oldest one, both from the database clock. */
  record Stats(long pending, double oldestAgeSeconds) {}

  static Stats stats(Connection c) throws SQLException {
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0)"
                    + " FROM outbox WHERE sent_at IS NULL");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return new Stats(rs.getLong(1), Math.max(0, rs.getDouble(2)));
    }
  }

  /**
   * Deletes up to {@code limit} rows sent longer than {@code retention} ago, oldest first. Rows
   * another replica's cleanup holds are skipped rather than waited for.
   */
  static int deleteSentBefore(Connection c, Duration retention, int limit) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "DELETE FROM outbox WHERE id IN (SELECT id FROM outbox"
                + " WHERE sent_at < now() - ? * interval '1 millisecond'"
                + " ORDER BY sent_at LIMIT ? FOR UPDATE SKIP LOCKED)")) {
      s.setLong(1, retention.toMillis());
      s.setInt(2, limit);
      return s.executeUpdate();
    }
  }
}
