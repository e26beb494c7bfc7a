package dev.slipway.api.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Retention cleanup deletes sent rows past the retention, and nothing else, in batches. */
@QuarkusTest
class OutboxRetentionQuarkusTest {

  @Test
  void deletesOnlyRowsSentBeforeTheRetention() throws Exception {
    try (IsolatedOutboxDb db = new IsolatedOutboxDb();
        Connection c = db.dataSource().getConnection()) {
      UUID tenant = OutboxRows.insertTenant(c);
      long seq = 0;
      Set<Long> expired = new HashSet<>();
      for (int i = 0; i < 5; i++) {
        expired.add(sent(c, OutboxRows.insertCommand(c, tenant, ++seq), "8 days"));
      }
      long recent = sent(c, OutboxRows.insertCommand(c, tenant, ++seq), "1 hour");
      long justInside = sent(c, OutboxRows.insertCommand(c, tenant, ++seq), "6 days 23 hours");
      long oldPending = OutboxRows.insertCommand(c, tenant, ++seq);
      update(
          c, "UPDATE outbox SET created_at = now() - interval '30 days' WHERE id = ?", oldPending);

      int deleted = OutboxMaintenance.cleanUp(db.dataSource(), Duration.ofDays(7), 2);

      assertEquals(expired.size(), deleted, "three batches of at most 2");
      assertEquals(Set.of(recent, justInside, oldPending), remainingIds(c));
      assertEquals(0, OutboxMaintenance.cleanUp(db.dataSource(), Duration.ofDays(7), 2));
    }
  }

  private static long sent(Connection c, long id, String ago) throws Exception {
    update(c, "UPDATE outbox SET sent_at = now() - interval '" + ago + "' WHERE id = ?", id);
    return id;
  }

  private static void update(Connection c, String sql, long id) throws Exception {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, id);
      assertEquals(1, s.executeUpdate());
    }
  }

  private static Set<Long> remainingIds(Connection c) throws Exception {
    Set<Long> ids = new HashSet<>();
    try (PreparedStatement s = c.prepareStatement("SELECT id FROM outbox");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }
}
