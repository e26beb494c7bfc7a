package dev.slipway.local.kube.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs batches of one operation from {@link #THREADS} client threads. A timed batch hands out
 * consecutive indexes until its time is up and counts the operations that completed; a counted
 * batch runs a fixed index range.
 */
final class Workload implements AutoCloseable {

  static final int THREADS = 8;

  /**
   * A finished batch: indexes {@code from} (inclusive) to {@code to} (exclusive) ran, taking {@code
   * seconds} of wall time and {@code cpuSeconds} of this process's CPU (client and server).
   */
  record Batch(int from, int to, double seconds, double cpuSeconds) {
    double perSecond() {
      return (to - from) / seconds;
    }

    /** CPU microseconds per operation, client and server together. */
    double cpuMicros() {
      return cpuSeconds * 1e6 / (to - from);
    }
  }

  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
  private final long batchNanos;

  Workload(long batchMillis) {
    this.batchNanos = TimeUnit.MILLISECONDS.toNanos(batchMillis);
  }

  /** Runs {@code operation} on indexes from {@code from} upwards until the batch time is over. */
  Batch timed(int from, IntConsumer operation) {
    AtomicInteger next = new AtomicInteger(from);
    long cpu = cpuNanos();
    long start = System.nanoTime();
    long deadline = start + batchNanos;
    run(
        () -> {
          while (System.nanoTime() < deadline) {
            operation.accept(next.getAndIncrement());
          }
        });
    return new Batch(from, next.get(), (System.nanoTime() - start) / 1e9, (cpuNanos() - cpu) / 1e9);
  }

  /** Runs {@code operation} once for each index from {@code from} (inclusive) to {@code to}. */
  Batch counted(int from, int to, IntConsumer operation) {
    AtomicInteger next = new AtomicInteger(from);
    long cpu = cpuNanos();
    long start = System.nanoTime();
    run(
        () -> {
          for (int i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
            operation.accept(i);
          }
        });
    return new Batch(from, to, (System.nanoTime() - start) / 1e9, (cpuNanos() - cpu) / 1e9);
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private void run(Runnable perThread) {
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      futures.add(pool.submit(perThread));
    }
    for (Future<?> future : futures) {
      try {
        future.get();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
