package dev.slipway.local.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

/**
 * Closed-loop (or paced) load from a fixed number of threads, with latency percentiles: the
 * benchmarks' own client where no load tool fits (in-process work, or a fixed request rate).
 */
public final class Load {
  private Load() {}

  /** One unit of work; false counts as an error. */
  public interface Work {
    boolean call() throws Exception;
  }

  public record Result(double perSecond, long[] latenciesNanos, long errors) {
    public double percentileMillis(double p) {
      if (latenciesNanos.length == 0) {
        return 0;
      }
      return Percentiles.of(latenciesNanos, p) / 1e6;
    }

    public String row(String name, int concurrency) {
      return String.format(
          "| %s | %d | %,.0f | %.1f | %.1f | %.1f |%s",
          name,
          concurrency,
          perSecond,
          percentileMillis(0.50),
          percentileMillis(0.99),
          percentileMillis(0.999),
          errors == 0 ? "" : " (" + errors + " errors)");
    }
  }

  /**
   * Runs {@code work} from {@code threads} threads for {@code duration}; with {@code rate} > 0 the
   * threads together start that many calls per second (latency measured from the planned start, so
   * queueing behind a slow call counts), else as fast as they can.
   */
  public static Result run(int threads, Duration duration, Work work, double rate)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    long interval = rate > 0 ? (long) (1e9 * threads / rate) : 0;
    List<Future<long[]>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      long offset = interval * t / threads;
      futures.add(pool.submit(() -> loop(work, start + offset, end, interval)));
    }
    List<Long> all = new ArrayList<>();
    long errors = 0;
    for (Future<long[]> f : futures) {
      long[] r = f.get();
      for (long v : r) {
        if (v < 0) {
          errors++;
        } else {
          all.add(v);
        }
      }
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
    return new Result(sorted.length / seconds, sorted, errors);
  }

  private static long[] loop(Work work, long first, long end, long interval) throws Exception {
    List<Long> latencies = new ArrayList<>();
    long planned = first;
    while (true) {
      long now = System.nanoTime();
      if (interval > 0 && planned > now) {
        LockSupport.parkNanos(planned - now); // pacing a load generator, not waiting in a test
      }
      long begin = interval > 0 ? planned : System.nanoTime();
      if (begin >= end) {
        break;
      }
      boolean ok = work.call();
      long latency = System.nanoTime() - begin;
      latencies.add(ok ? latency : -1);
      planned += interval;
    }
    return latencies.stream().mapToLong(Long::longValue).toArray();
  }

  public static Result median(List<Result> results) {
    Result[] sorted = results.toArray(new Result[0]);
    Arrays.sort(sorted, Comparator.comparingDouble(Result::perSecond));
    return sorted[sorted.length / 2];
  }
}
