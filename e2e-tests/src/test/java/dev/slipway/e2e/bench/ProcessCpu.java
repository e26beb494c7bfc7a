package dev.slipway.e2e.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time the machine and each part of the local stack used, from Linux's /proc, so a benchmark
 * can say where a round's CPU went and what the machine's cores allow at that cost: the services
 * (their quarkus-run.jar paths), PostgreSQL (its processes), this JVM (the emulator, ElasticMQ and
 * the callers run in it, see LocalStack) and everything else. Read before and after a round; the
 * difference is the round's. Empty on a system without /proc.
 */
final class ProcessCpu {
  static final String MACHINE = "machine (all processes)";
  private static final double TICK_MS = 10; // USER_HZ is 100 on Linux (sysconf(_SC_CLK_TCK))

  private ProcessCpu() {}

  /** Milliseconds of CPU by part, plus {@link #MACHINE}: every process's busy time. */
  static Map<String, Double> snapshot() {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String part : List.of("api-service", "worker", "reconciler", "postgres", "this JVM")) {
      out.put(part, 0.0);
    }
    out.put("other", 0.0);
    long self = ProcessHandle.current().pid();
    try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
      entries
          .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .forEach(p -> add(out, p, self));
      out.put(MACHINE, machineBusy());
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
    return out;
  }

  /** After minus before, part by part. */
  static Map<String, Double> between(Map<String, Double> before, Map<String, Double> after) {
    Map<String, Double> out = new LinkedHashMap<>();
    after.forEach((part, ms) -> out.put(part, ms - before.getOrDefault(part, 0.0)));
    return out;
  }

  private static void add(Map<String, Double> out, Path process, long self) {
    try {
      double ms = cpuMs(process.resolve("stat"));
      String command =
          new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8);
      out.merge(part(command, process, self), ms, Double::sum);
    } catch (IOException | RuntimeException e) {
      // The process ended while it was read: its time is lost to both snapshots alike.
    }
  }

  /**
   * User + system CPU ms of one process or thread ({@code /proc/PID/stat} or {@code
   * /proc/PID/task/TID/stat}); 0 when it has ended.
   */
  static double cpuMs(Path stat) {
    try {
      String s = Files.readString(stat);
      // Fields after the command's closing parenthesis: state is 3, utime 14, stime 15.
      String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_MS;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static String part(String command, Path process, long self) {
    if (process.getFileName().toString().equals(Long.toString(self))) {
      return "this JVM";
    } else if (command.contains("api-service")) {
      return "api-service";
    } else if (command.contains("provisioner-worker")) {
      return "worker";
    } else if (command.contains("reconciler-job")) {
      return "reconciler";
    } else if (command.contains("postgres")) {
      return "postgres";
    }
    return "other";
  }

  /**
   * Busy time of all cores since boot: every state but idle and iowait, /proc/stat's first line.
   */
  static double machineBusy() throws IOException {
    String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
    long busy = 0;
    for (int i = 1; i < f.length && i <= 8; i++) {
      if (i != 4 && i != 5) {
        busy += Long.parseLong(f[i]);
      }
    }
    return busy * TICK_MS;
  }

  /**
   * One line: each part's CPU ms per tenant, and the rate the machine's cores allow at the total.
   */
  static String perTenant(Map<String, Double> round, int tenants) {
    if (round.isEmpty()) {
      return "CPU: /proc not readable";
    }
    StringBuilder line = new StringBuilder("CPU ms per tenant:");
    round.forEach((part, ms) -> line.append(String.format(" %s %.1f;", part, ms / tenants)));
    double machine = round.get(MACHINE) / tenants;
    int cores = Runtime.getRuntime().availableProcessors();
    line.append(
        String.format(
            " %d cores at %.1f ms a tenant allow %.0f tenants/s",
            cores, machine, cores * 1000 / machine));
    return line.toString();
  }
}
