package dev.slipway.local.bench;

import java.util.List;

/**
 * Nearest-rank percentiles of sorted samples (the smallest value with at least p of the samples at
 * or below it): the one definition behind every benchmark's p99 in docs/benchmarks.md.
 */
public final class Percentiles {
  private Percentiles() {}

  /** Index of percentile {@code p} (0..1] among {@code count} sorted samples; 0 when none. */
  public static int rank(int count, double p) {
    return Math.max(0, Math.min(count - 1, (int) Math.ceil(p * count) - 1));
  }

  public static long of(long[] sorted, double p) {
    return sorted[rank(sorted.length, p)];
  }

  public static double of(double[] sorted, double p) {
    return sorted[rank(sorted.length, p)];
  }

  public static double of(List<Double> sorted, double p) {
    return sorted.get(rank(sorted.size(), p));
  }
}
