package dev.slipway.e2e.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a service's start goes and what it holds idle (P5, issue 26), read from the JVM itself:
 * Quarkus's own step timing ({@code quarkus.debug.print-startup-times}, one line per recorded build
 * step with its wall time), CPU time by thread group from /proc (the main thread, the JIT
 * compilers, the VM thread that runs the serial collector), and native memory tracking by category.
 * Both options cost a little themselves, so the profiled start is one extra restart, not a measured
 * one.
 */
final class StartProfile {
  static final List<String> JVM_OPTIONS =
      List.of("-Dquarkus.debug.print-startup-times=true", "-XX:NativeMemoryTracking=summary");
  private static final Pattern STEP = Pattern.compile("Build step (\\S+) completed in: (\\d+)ms");
  private static final Pattern NMT =
      Pattern.compile("^(?:-\\s+)?(.+?)(?::| \\() ?reserved=\\d+KB, committed=(\\d+)KB");

  private StartProfile() {}

  /** A recorded build step and its wall time. */
  record Step(String name, long millis) {}

  /** CPU seconds (user + system) the process has used so far; 0 once it is gone. */
  static double cpuSeconds(ProcessHandle process) {
    return ProcessCpu.cpuMs(Path.of("/proc", Long.toString(process.pid()), "stat")) / 1000;
  }

  /**
   * CPU seconds by thread group: the main thread (the launcher names it {@code java}, as it does
   * the primordial thread, which only waits), the JIT compilers, the VM thread (the serial
   * collector and safepoints) and every other thread.
   */
  static Map<String, Double> cpuByThreads(ProcessHandle process) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String group : List.of("main", "JIT compilers", "VM thread (GC)", "other threads")) {
      out.put(group, 0.0);
    }
    Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
    try (Stream<Path> all = Files.list(tasks)) {
      all.forEach(
          t -> out.merge(group(comm(t)), ProcessCpu.cpuMs(t.resolve("stat")) / 1000, Double::sum));
    } catch (IOException e) {
      return Map.of();
    }
    return out;
  }

  /** The build steps the log shows after {@code offset}, longest first. */
  static List<Step> steps(Path log, long offset) throws IOException {
    byte[] all = Files.readAllBytes(log);
    String tail = new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8);
    List<Step> steps = new ArrayList<>();
    Matcher m = STEP.matcher(tail);
    while (m.find()) {
      steps.add(new Step(m.group(1), Long.parseLong(m.group(2))));
    }
    steps.sort(Comparator.comparingLong(Step::millis).reversed());
    return steps;
  }

  /** Committed KiB by native memory tracking category ({@code jcmd VM.native_memory summary}). */
  static Map<String, Long> nativeMemoryKib(ProcessHandle process) throws Exception {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process p =
        new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "VM.native_memory")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(30, TimeUnit.SECONDS);
    Map<String, Long> kib = new LinkedHashMap<>();
    for (String line : out.split("\n")) {
      Matcher m = NMT.matcher(line.strip());
      if (m.find()) {
        kib.put(m.group(1).strip(), Long.parseLong(m.group(2)));
      }
    }
    return kib;
  }

  /** VmRSS, RssAnon and RssFile in KiB, from /proc/PID/status. */
  static Map<String, Long> residentKib(ProcessHandle process) {
    Map<String, Long> out = new LinkedHashMap<>();
    try {
      for (String line :
          Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        for (String key : List.of("VmRSS", "RssAnon", "RssFile")) {
          if (line.startsWith(key + ":")) {
            out.put(key, Long.parseLong(line.replaceAll("[^0-9]", "")));
          }
        }
      }
    } catch (IOException e) {
      // the process ended: nothing to report
    }
    return out;
  }

  private static String group(String comm) {
    if (comm.equals("java")) {
      return "main";
    }
    if (comm.contains("CompilerThre")) {
      return "JIT compilers";
    }
    return comm.equals("VM Thread") ? "VM thread (GC)" : "other threads";
  }

  private static String comm(Path task) {
    try {
      return Files.readString(task.resolve("comm")).strip();
    } catch (IOException e) {
      return "";
    }
  }
}
