package dev.slipway.api.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** A replay job's duration and phases, from the database's own timestamps. */
final class JobTimes {
  private final DataSource db;

  JobTimes(DataSource db) {
    this.db = db;
  }

  /**
   * @param matched messages handled (replayed) by the run
   * @param seconds from the job's creation to its end
   * @param start creation to {@code started_at}: thread, ledger read (before 2026-11-23 16:00 also
   *     the peek that counted the total)
   * @param pass {@code started_at} to the last ledger entry
   * @param end the last ledger entry to {@code finished_at}
   */
  record Run(int matched, double seconds, double start, double pass, double end) {
    double perSecond() {
      return matched / seconds;
    }
  }

  static Run median(List<Run> runs) {
    List<Run> sorted = runs.stream().sorted(Comparator.comparingDouble(Run::perSecond)).toList();
    return sorted.get(sorted.size() / 2);
  }

  /** Waits for the job to end (its end audited), checks it replayed every match, times it. */
  Run measure(String jobId, int matching) throws Exception {
    ReplayBenchmark.awaitQuietly(
        () ->
            count(
                    "SELECT count(*) FROM ops_audit WHERE target = ? AND action LIKE '%.finished'",
                    jobId)
                > 0);
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT j.status, j.total, j.done, j.skipped, j.failed,"
                    + " extract(epoch FROM j.finished_at - j.created_at),"
                    + " extract(epoch FROM j.started_at - j.created_at),"
                    + " extract(epoch FROM max(o.recorded_at) - j.started_at),"
                    + " extract(epoch FROM j.finished_at - max(o.recorded_at))"
                    + " FROM ops_jobs j JOIN dead_letter_outcomes o ON o.job_id = j.id"
                    + " WHERE j.id = ? GROUP BY j.id")) {
      s.setObject(1, UUID.fromString(jobId));
      try (ResultSet rs = s.executeQuery()) {
        ReplayBenchmark.check(rs.next(), "job " + jobId + " recorded nothing");
        String counts =
            String.format(
                "job %s: %s, total %d, done %d, skipped %d, failed %d; expected %d",
                jobId,
                rs.getString(1),
                rs.getInt(2),
                rs.getInt(3),
                rs.getInt(4),
                rs.getInt(5),
                matching);
        ReplayBenchmark.check(
            "SUCCEEDED".equals(rs.getString(1)) && rs.getInt(3) == matching, counts);
        System.out.println(counts);
        Run run =
            new Run(
                rs.getInt(3), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), rs.getDouble(9));
        System.out.println(run);
        return run;
      }
    }
  }

  /** Waits until the relay published every outbox row (a re-derive round leaves many). */
  void awaitOutboxSent() {
    ReplayBenchmark.awaitQuietly(
        () -> count("SELECT count(*) FROM outbox WHERE sent_at IS NULL") == 0);
  }

  private long count(String sql, Object... args) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
