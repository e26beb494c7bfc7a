package dev.slipway.e2e.bench;

import static org.awaitility.Awaitility.await;

import dev.slipway.local.LocalService;
import dev.slipway.local.LocalStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/**
 * P5's restarts: each service killed and started alone while the rest of the stack idles, timed to
 * ready with the CPU its JVM used by then, optionally side by side with other JVM options, then one
 * profiled start of each ({@link StartProfile}). Part of {@link FootprintBenchmark}.
 */
final class StartsAlone {
  private static final int RESTARTS = Integer.getInteger("bench.restarts", 3);
  // JVM options to compare with none, side by side in the restarts ("|" between variants).
  private static final List<String> VARIANTS = variants(System.getProperty("bench.startVariants"));

  private StartsAlone() {}

  /**
   * Each service killed and started again while the rest of the stack idles: its time to ready
   * alone (launch until {@code /q/health/ready} answers 200, polled every 100 ms), the CPU its JVM
   * had used by then, and what Quarkus reports: the figure a rolling update or a rescheduled pod
   * sees. Median of {@link #RESTARTS}. Then one more start of each, profiled ({@link
   * StartProfile}).
   */
  static void measure(LocalStack stack, Path state) throws Exception {
    System.out.printf(
        "%n| service, started alone | JVM options added | time to ready (s), median of %d | CPU"
            + " at ready (s) | CPU / wall | every start (s) |%n|---|---|---:|---:|---:|---|%n",
        RESTARTS);
    for (LocalService service : LocalService.values()) {
      Map<String, List<double[]>> runs = new LinkedHashMap<>();
      for (int i = 0; i < RESTARTS; i++) {
        for (String variant : VARIANTS) { // in alternation: the machine's drift hits each alike
          stack.kill(service);
          long begun = System.nanoTime();
          stack.restart(service, variant.isBlank() ? List.of() : List.of(variant.split(" ")));
          double wall = (System.nanoTime() - begun) / 1e9;
          runs.computeIfAbsent(variant, v -> new ArrayList<>())
              .add(new double[] {wall, StartProfile.cpuSeconds(stack.process(service))});
        }
      }
      runs.forEach(
          (variant, times) -> {
            times.sort(Comparator.comparingDouble(r -> r[0]));
            double[] median = times.get(times.size() / 2);
            System.out.printf(
                "| %s | %s | %.2f | %.2f | %.2f | %s |%n",
                service.module(),
                variant.isBlank() ? "none" : "`" + variant + "`",
                median[0],
                median[1],
                median[1] / median[0],
                times.stream()
                    .map(r -> String.format("%.2f", r[0]))
                    .collect(Collectors.joining(", ")));
          });
    }
    for (LocalService service : LocalService.values()) {
      profiledStart(stack, state, service); // ends with the service on its own options again
    }
  }

  /**
   * One more start with Quarkus's step timing and native memory tracking on: the longest recorded
   * steps, CPU by thread group when ready, and the JVM's memory by category after 10 s idle.
   */
  private static void profiledStart(LocalStack stack, Path state, LocalService service)
      throws Exception {
    Path log = state.resolve("logs").resolve(service.logName() + ".log");
    stack.kill(service);
    long offset = Files.size(log);
    long begun = System.nanoTime();
    stack.restart(service, StartProfile.JVM_OPTIONS);
    double wall = (System.nanoTime() - begun) / 1e9;
    ProcessHandle process = stack.process(service);
    Map<String, Double> cpu = StartProfile.cpuByThreads(process);
    List<StartProfile.Step> steps = StartProfile.steps(log, offset);
    System.out.printf(
        "%nprofiled start of %s: ready in %.2f s; CPU at ready by threads (s): %s%n",
        service.module(), wall, cpu);
    System.out.printf(
        "  recorded steps: %d, %d ms in all; longest:%n",
        steps.size(), steps.stream().mapToLong(StartProfile.Step::millis).sum());
    steps.stream()
        .limit(10)
        .forEach(s -> System.out.printf("    %5d ms  %s%n", s.millis(), s.name()));
    FootprintBenchmark.awaitQuiet(Duration.ofSeconds(10));
    Map<String, Long> resident = StartProfile.residentKib(process);
    StringBuilder nmt = new StringBuilder();
    StartProfile.nativeMemoryKib(process)
        .forEach(
            (category, kib) -> {
              if (kib >= 1024) { // the categories of a MiB or more
                nmt.append(String.format(" %s %.0f,", category, kib / 1024.0));
              }
            });
    System.out.printf(
        "  idle after 10 s (MiB): VmRSS %.0f (anon %.0f, file %.0f); committed (native memory"
            + " tracking):%s%n",
        resident.getOrDefault("VmRSS", 0L) / 1024.0,
        resident.getOrDefault("RssAnon", 0L) / 1024.0,
        resident.getOrDefault("RssFile", 0L) / 1024.0,
        nmt);
    stack.kill(service);
    stack.restart(service); // back to its own options for whatever runs next
  }

  /** None first, then each of "A|B|..." (JVM options split at spaces when used). */
  private static List<String> variants(String property) {
    List<String> all = new ArrayList<>(List.of(""));
    if (property != null && !property.isBlank()) {
      all.addAll(List.of(property.split("\\|")));
    }
    return List.copyOf(all);
  }

  /**
   * Until the whole machine was below 15 % busy over 2 s (at most 2 minutes): after the load the
   * database's autovacuum and the stack's own catching up would otherwise land on the first
   * restarts.
   */
  static void awaitIdleMachine() {
    double[] last = {machineBusyMs(), System.nanoTime()};
    double[] busy = {1};
    try {
      await("machine idle")
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofSeconds(2))
          .until(
              () -> {
                double cpu = machineBusyMs();
                double wallMs = (System.nanoTime() - last[1]) / 1e6;
                busy[0] = (cpu - last[0]) / (wallMs * Runtime.getRuntime().availableProcessors());
                last[0] = cpu;
                last[1] = System.nanoTime();
                return busy[0] < 0.15;
              });
    } catch (ConditionTimeoutException e) {
      System.out.printf(
          "machine still %.0f %% busy after 2 minutes: restarting anyway%n", busy[0] * 100);
    }
    System.out.printf("machine busy before the restarts: %.0f %%%n", busy[0] * 100);
  }

  /** Busy ms of all cores since boot (/proc/stat alone, not every process's); 0 if unreadable. */
  private static double machineBusyMs() {
    try {
      return ProcessCpu.machineBusy();
    } catch (IOException e) {
      return 0;
    }
  }
}
