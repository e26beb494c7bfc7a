package dev.slipway.worker.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Milliseconds of CPU per tenant of one worker drain, by part: the worker's Java threads, the JVM's
 * own work (GC, JIT: the process total minus every Java thread, shared by all parts), the
 * emulator's and ElasticMQ's threads, the benchmark's own threads (sending the burst, polling the
 * database for the end) and the PostgreSQL server (its own processes).
 */
record DrainCpu(
    double worker, double jvm, double emulator, double queue, double bench, double postgres) {

  /**
   * This drain's figures; the worker's thread CPU is also added to {@code byPool} (nanoseconds by
   * thread name without its number: which of the worker's pools uses the CPU).
   */
  static DrainCpu of(
      CpuAccount.Usage usage,
      DrainProfile profile,
      long postgresNanos,
      int tenants,
      long benchThread,
      java.util.Map<String, Long> byPool) {
    double[] parts = new double[4]; // worker, emulator, queue, bench
    usage
        .threadNanos()
        .forEach(
            (id, nanos) -> {
              String name = usage.names().getOrDefault(id, "");
              int part =
                  id == benchThread || DrainProfile.isBenchmark(name)
                      ? 3
                      : switch (profile.partOf(id)) {
                        case WORKER -> 0;
                        case EMULATOR -> 1;
                        case QUEUE -> 2;
                      };
              parts[part] += nanos;
              if (part == 0) {
                byPool.merge(name.replaceAll("[-#]?\\d+$", ""), nanos, Long::sum);
              }
            });
    double perTenant = 1e6 * tenants;
    return new DrainCpu(
        parts[0] / perTenant,
        (usage.processNanos() - usage.threadsTotal()) / perTenant,
        parts[1] / perTenant,
        parts[2] / perTenant,
        parts[3] / perTenant,
        postgresNanos / perTenant);
  }

  /** The worker's share: its own threads plus all of the JVM's own work (an upper bound). */
  double workerWithJvm() {
    return worker + jvm;
  }

  static String table(List<DrainCpu> rounds) {
    return String.format(
        "%n| CPU ms per tenant (median of %d drains) | worker threads | JVM (GC, JIT) | worker +"
            + " JVM | emulator | ElasticMQ | PostgreSQL | benchmark |%n"
            + "|---|---:|---:|---:|---:|---:|---:|---:|%n"
            + "| worker drain | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n"
            + "worker CPU per tenant: %.2f ms (threads), %.2f ms with the JVM's own work; rounds %s%n",
        rounds.size(),
        median(rounds, DrainCpu::worker),
        median(rounds, DrainCpu::jvm),
        median(rounds, DrainCpu::workerWithJvm),
        median(rounds, DrainCpu::emulator),
        median(rounds, DrainCpu::queue),
        median(rounds, DrainCpu::postgres),
        median(rounds, DrainCpu::bench),
        median(rounds, DrainCpu::worker),
        median(rounds, DrainCpu::workerWithJvm),
        rounds.stream().map(r -> String.format("%.2f", r.worker())).toList());
  }

  /** The pools' CPU per tenant, largest first. */
  static String pools(java.util.Map<String, Long> byPool, int tenants, int top) {
    StringBuilder out =
        new StringBuilder("\n| worker thread pool | CPU ms per tenant |\n|---|---:|\n");
    byPool.entrySet().stream()
        .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(top)
        .forEach(
            e ->
                out.append(
                    String.format("| `%s` | %.2f |%n", e.getKey(), e.getValue() / 1e6 / tenants)));
    return out.toString();
  }

  static double median(List<DrainCpu> rounds, ToDoubleFunction<DrainCpu> value) {
    double[] sorted = rounds.stream().mapToDouble(value).sorted().toArray();
    return sorted[sorted.length / 2];
  }
}
