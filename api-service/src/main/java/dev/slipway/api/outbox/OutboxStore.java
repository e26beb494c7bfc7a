package dev.slipway.api.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The relay's SQL, on a plain JDBC connection in the relay's own transaction. */
final class OutboxStore {
  /**
   * Only one relay publishes at a time across all API replicas: FIFO order within a message group
   * holds only if rows are published in id order by one sender. The lock is transaction-scoped, so
   * a crashed relay releases it with its connection.
   */
  private static final long RELAY_LOCK_KEY = 0x5_11_9_3A7L;

  private OutboxStore() {}

  static boolean tryLock(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_try_advisory_xact_lock(" + RELAY_LOCK_KEY + ")")) {
      return rs.next() && rs.getBoolean(1);
    }
  }

  static List<PendingCommand> claim(Connection c, int limit) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id, operation_id, group_id, body FROM outbox WHERE sent_at IS NULL"
                + " ORDER BY id LIMIT ? FOR UPDATE")) {
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

  static void markSent(Connection c, List<Long> ids) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("UPDATE outbox SET sent_at = now() WHERE id = ANY (?)")) {
      Array array = c.createArrayOf("bigint", ids.toArray());
      s.setArray(1, array);
      s.executeUpdate();
    }
  }

  static void recordFailure(Connection c, List<Long> ids, String error) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ANY (?)")) {
      s.setString(1, error);
      s.setArray(2, c.createArrayOf("bigint", ids.toArray()));
      s.executeUpdate();
    }
  }

  static long countPending(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM outbox WHERE sent_at IS NULL")) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }
}
