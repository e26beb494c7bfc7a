package dev.slipway.local.kube.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntConsumer;

/** The measured operations, each from {@link #THREADS} threads. */
final class Workload {

  static final int THREADS = 8;

  private final BenchApi api;
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  Workload(BenchApi api) {
    this.api = api;
  }

  /** Creates objects {@code from} (inclusive) to {@code to} (exclusive); returns creates/s. */
  double create(int from, int to) {
    return perSecond(to - from, () -> parallel(from, to, api::create));
  }

  /** Random GETs by name among the first {@code stored} objects; returns GETs/s. */
  double get(int stored, int count) {
    return perSecond(
        count, () -> parallel(0, count, i -> api.get(ThreadLocalRandom.current().nextInt(stored))));
  }

  /** Milliseconds for one LIST by label (one group of 100), or of everything when group null. */
  double list(String group) {
    long start = System.nanoTime();
    if (api.list(group) == 0) {
      throw new IllegalStateException("empty list");
    }
    return (System.nanoTime() - start) / 1e6;
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  void close() {
    pool.shutdownNow();
  }

  private static double perSecond(int operations, Runnable work) {
    long start = System.nanoTime();
    work.run();
    return operations / ((System.nanoTime() - start) / 1e9);
  }

  private void parallel(int from, int to, IntConsumer operation) {
    List<Future<?>> futures = new ArrayList<>();
    int chunk = (to - from + THREADS - 1) / THREADS;
    for (int t = 0; t < THREADS; t++) {
      int start = from + t * chunk;
      int end = Math.min(to, start + chunk);
      futures.add(
          pool.submit(
              () -> {
                for (int i = start; i < end; i++) {
                  operation.accept(i);
                }
              }));
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
