package dev.slipway.e2e.bench;

import dev.slipway.local.bench.Load;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The two P1 tables: at saturation (wrk against pgbench) and at half that rate (both paced). */
final class P1Report {
  private P1Report() {}

  static void saturated(List<WrkLoad.Result> api, List<Load.Result> raw, int seconds, int conns) {
    System.out.printf(
        "%n| round | pgbench tx/s | pgbench p50 / p99 / max ms | API creates/s (wrk) | p50 ms | p99 ms"
            + " | max ms | non-2xx | API / raw |%n|---:|---:|---:|---:|---:|---:|---:|---:|---:|%n");
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < api.size(); i++) {
      WrkLoad.Result a = api.get(i);
      Load.Result r = raw.get(i);
      double ratio = 100 * a.perSecond() / r.perSecond();
      ratios.add(ratio);
      System.out.printf(
          "| %d | %.0f | %.1f / %.1f / %.0f | %.0f | %.1f | %.1f | %.0f | %d | %.0f %% |%n",
          i + 1,
          r.perSecond(),
          r.percentileMillis(0.50),
          r.percentileMillis(0.99),
          r.percentileMillis(1.0),
          a.perSecond(),
          a.p50Millis(),
          a.p99Millis(),
          a.maxMillis(),
          a.non2xx(),
          ratio);
    }
    System.out.printf(
        "API / raw (wrk / pgbench) = %.0f %% median of %d rounds of %d s, %d connections each%n",
        median(ratios), ratios.size(), seconds, conns);
  }

  static void paced(List<WrkLoad.Result> api, List<Load.Result> raw, double rate, int conns) {
    System.out.printf(
        "%n| paced round | planned /s | pgbench tx/s | pgbench p50 / p99 / p99.9 ms | API creates/s"
            + " | API p50 / p99 / max ms | non-2xx |%n|---:|---:|---:|---:|---:|---:|---:|%n");
    List<Double> p99 = new ArrayList<>();
    for (int i = 0; i < api.size(); i++) {
      WrkLoad.Result a = api.get(i);
      Load.Result r = raw.get(i);
      p99.add(a.p99Millis());
      System.out.printf(
          "| %d | %.0f | %.0f | %s | %.0f | %.1f / %.1f / %.0f | %d |%n",
          i + 1,
          rate,
          r.perSecond(),
          percentiles(r),
          a.perSecond(),
          a.p50Millis(),
          a.p99Millis(),
          a.maxMillis(),
          a.non2xx());
    }
    System.out.printf(
        "API at half the median wrk rate (%.0f/s planned, %d paced connections): p99 %.1f ms,"
            + " median of %d rounds%n",
        rate, conns, median(p99), api.size());
  }

  private static String percentiles(Load.Result r) {
    return String.format(
        "%.1f / %.1f / %.1f",
        r.percentileMillis(0.50), r.percentileMillis(0.99), r.percentileMillis(0.999));
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
