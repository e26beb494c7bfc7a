package dev.slipway.api.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The relay's SQL, on a plain JDBC connection in the relay's own transaction. */
final class OutboxStore {
  private static final int MAX_ERROR_LENGTH = 1000;

  private OutboxStore() {}

  /**
   * Locks up to {@code limit} pending rows in id order, skipping rows other relays hold: replicas
   * relay side by side instead of queueing behind one lock. A row sent and committed by another
   * relay meanwhile is re-checked under the lock and left out, so no row is claimed twice.
   */
  static List<PendingCommand> claim(Connection c, int limit) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id, operation_id, group_id, body FROM outbox WHERE sent_at IS NULL"
                + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")) {
      s.setInt(1, limit);
      List<PendingCommand> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(
              new PendingCommand(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        }
      }
      return out;
    }
  }

  /**
   * The pending rows of the given groups up to {@code maxId}, in id order, whether locked or not (a
   * plain read never waits for locks). Reads committed state: a row another relay sent and
   * committed is no longer pending.
   */
  static Map<String, List<Long>> pendingByGroup(Connection c, List<String> groups, long maxId)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT group_id, id FROM outbox WHERE sent_at IS NULL AND group_id = ANY (?)"
                + " AND id <= ? ORDER BY id")) {
      s.setArray(1, c.createArrayOf("text", groups.toArray()));
      s.setLong(2, maxId);
      Map<String, List<Long>> out = new LinkedHashMap<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(rs.getString(1), g -> new ArrayList<>()).add(rs.getLong(2));
        }
      }
      return out;
    }
  }

  /**
   * Stamps the publish time (the clock now, not the transaction start, which precedes the send) and
   * returns each row's delay from insert to publish, in seconds.
   */
  static List<Double> markSent(Connection c, List<Long> ids) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE outbox SET sent_at = clock_timestamp() WHERE id = ANY (?)"
                + " RETURNING extract(epoch FROM sent_at - created_at)")) {
      s.setArray(1, c.createArrayOf("bigint", ids.toArray()));
      List<Double> delays = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          delays.add(rs.getDouble(1));
        }
      }
      return delays;
    }
  }

  static void recordFailure(Connection c, List<Long> ids, String error) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ANY (?)")) {
      s.setString(1, truncate(error));
      s.setArray(2, c.createArrayOf("bigint", ids.toArray()));
      s.executeUpdate();
    }
  }

  private static String truncate(String error) {
    String text = error == null ? "unknown" : error;
    return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
  }
}
