package dev.slipway.worker.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of this JVM over a window, per Java thread and in total. The benchmark's JVM also runs
 * the Kubernetes emulator and ElasticMQ (WorkerTestResources), so what the worker used is the sum
 * over the threads a {@link DrainProfile} did not find running emulator or ElasticMQ code; the
 * process total minus every Java thread is the JVM's own work (GC, JIT), reported apart. CPU of a
 * thread that ended inside the window is lost from the per-thread sums (and so counted as the JVM's
 * own); the worker's pools keep their threads through a drain.
 */
final class CpuAccount {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private final long processStart;
  private final Map<Long, Long> threadStart;
  private final long wallStart;

  private CpuAccount(long processStart, Map<Long, Long> threadStart) {
    this.processStart = processStart;
    this.threadStart = threadStart;
    this.wallStart = System.nanoTime();
  }

  static CpuAccount start() {
    if (!THREADS.isThreadCpuTimeEnabled()) {
      THREADS.setThreadCpuTimeEnabled(true);
    }
    return new CpuAccount(OS.getProcessCpuTime(), threadTimes());
  }

  /** Nanoseconds used since {@link #start()}: the process and each Java thread. */
  Usage stop() {
    long process = OS.getProcessCpuTime() - processStart;
    Map<Long, Long> used = new HashMap<>();
    Map<Long, String> names = new HashMap<>();
    threadTimes().forEach((id, now) -> used.put(id, now - threadStart.getOrDefault(id, 0L)));
    for (var info :
        THREADS.getThreadInfo(used.keySet().stream().mapToLong(Long::longValue).toArray())) {
      if (info != null) {
        names.put(info.getThreadId(), info.getThreadName());
      }
    }
    return new Usage(process, used, names, System.nanoTime() - wallStart);
  }

  private static Map<Long, Long> threadTimes() {
    Map<Long, Long> out = new HashMap<>();
    for (long id : THREADS.getAllThreadIds()) {
      long cpu = THREADS.getThreadCpuTime(id);
      if (cpu >= 0) {
        out.put(id, cpu);
      }
    }
    return out;
  }

  record Usage(
      long processNanos, Map<Long, Long> threadNanos, Map<Long, String> names, long wallNanos) {
    long threadsTotal() {
      return threadNanos.values().stream().mapToLong(Long::longValue).sum();
    }
  }
}
