package dev.slipway.api.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * One relay round in one transaction: claim pending rows ({@code FOR UPDATE SKIP LOCKED}), keep the
 * ones that may go out without overtaking an earlier row of their group ({@link GroupPrefix}), send
 * them, stamp {@code sent_at}, commit.
 *
 * <p>The row locks are held until the commit, so no other relay sends a row while it is in flight.
 * If the process dies (or the commit fails) after SQS accepted a row but before the commit, the row
 * stays pending and is sent again by the next round, on any replica, with the same deduplication id
 * (the operation id): SQS drops the copy within its 5-minute window, and the worker treats a later
 * copy of a finished operation as already done. Nothing is lost; at worst a duplicate is absorbed.
 */
final class RelayRound {
  private final DataSource dataSource;
  private final SqsPublisher publisher;
  private final int batchSize;

  RelayRound(DataSource dataSource, SqsPublisher publisher, int batchSize) {
    this.dataSource = dataSource;
    this.publisher = publisher;
    this.batchSize = batchSize;
  }

  /**
   * What one round did: rows locked, rows sent (in order), their insert-to-publish delays, time
   * spent sending, and the error that stopped publishing (null when none).
   */
  record Outcome(
      int claimed, List<Long> sent, List<Double> delaysSeconds, long publishNanos, String error) {
    boolean failed() {
      return error != null;
    }
  }

  /** What a claim locked, and the part of it that may be published now. */
  record Claim(int claimed, List<PendingCommand> publishable) {}

  Outcome run() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        Outcome outcome = runIn(c);
        c.commit();
        return outcome;
      } catch (RuntimeException | SQLException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** Claims rows in the caller's transaction and returns the publishable prefix per group. */
  static Claim claim(Connection c, int limit) throws SQLException {
    List<PendingCommand> claimed = OutboxStore.claim(c, limit);
    if (claimed.isEmpty()) {
      return new Claim(0, List.of());
    }
    List<String> groups = claimed.stream().map(PendingCommand::groupId).distinct().toList();
    long maxId = claimed.get(claimed.size() - 1).id();
    Map<String, List<Long>> pending = OutboxStore.pendingByGroup(c, groups, maxId);
    return new Claim(claimed.size(), GroupPrefix.publishable(claimed, pending));
  }

  private Outcome runIn(Connection c) throws SQLException {
    Claim claim = claim(c, batchSize);
    if (claim.publishable().isEmpty()) {
      return new Outcome(claim.claimed(), List.of(), List.of(), 0, null);
    }
    long start = System.nanoTime();
    SqsPublisher.Result result = publisher.publish(claim.publishable());
    long publishNanos = System.nanoTime() - start;
    List<Double> delays =
        result.sent().isEmpty() ? List.of() : OutboxStore.markSent(c, result.sent());
    if (result.error() != null) {
      Set<Long> sent = new HashSet<>(result.sent());
      List<Long> unsent =
          claim.publishable().stream()
              .map(PendingCommand::id)
              .filter(id -> !sent.contains(id))
              .toList();
      OutboxStore.recordFailure(c, unsent, result.error());
    }
    return new Outcome(claim.claimed(), result.sent(), delays, publishNanos, result.error());
  }
}
