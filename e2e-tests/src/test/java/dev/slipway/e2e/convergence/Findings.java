package dev.slipway.e2e.convergence;

import java.util.ArrayList;
import java.util.List;

/**
 * What a check found, by class: <b>lost</b> (an acknowledged effect missing), <b>unexpected</b>
 * (something no acknowledged request explains), <b>duplicates</b> (an effect taken more than once)
 * and <b>stuck</b> operations (still queued or running after convergence).
 */
final class Findings {
  private final List<String> lines = new ArrayList<>();
  private int lost;
  private int unexpected;
  private int duplicates;
  private int stuck;

  void lost(String what) {
    lost++;
    lines.add("lost: " + what);
  }

  void unexpected(String what) {
    unexpected++;
    lines.add("unexpected: " + what);
  }

  void duplicate(String what) {
    duplicates++;
    lines.add("duplicate: " + what);
  }

  void stuck(String what) {
    stuck++;
    lines.add("stuck: " + what);
  }

  Report report(int tenants) {
    return new Report(tenants, lost, unexpected, duplicates, stuck, List.copyOf(lines));
  }

  /** The counts of one check and the findings behind them. */
  record Report(
      int tenants, int lost, int unexpected, int duplicates, int stuck, List<String> findings) {
    boolean clean() {
      return findings.isEmpty();
    }

    String counts() {
      return "tenants=%d lost=%d unexpected=%d duplicates=%d stuck-operations=%d"
          .formatted(tenants, lost, unexpected, duplicates, stuck);
    }

    /** The counts and the first findings, for a failure message. */
    String details(int max) {
      StringBuilder out = new StringBuilder(counts());
      findings.stream().limit(max).forEach(f -> out.append("\n  ").append(f));
      if (findings.size() > max) {
        out.append("\n  ... ").append(findings.size() - max).append(" more");
      }
      return out.toString();
    }
  }
}
