package dev.slipway.worker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time of the embedded PostgreSQL (its own processes, outside the JVM) from Linux's
 * /proc/PID/stat: the postmaster found by its {@code -p PORT} argument, its live children (the
 * connections' backends) and what its ended children used (cutime/cstime). 0 where /proc is
 * missing.
 */
final class PostgresCpu {
  private static final double NANOS_PER_TICK = 1e9 / 100; // USER_HZ is 100 on Linux

  private final int port;

  PostgresCpu(int port) {
    this.port = port;
  }

  /** Nanoseconds used so far by the server behind {@code port}. */
  long nanos() {
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      List<Path> pids = procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList();
      String postmaster = null;
      for (Path pid : pids) {
        String cmd = read(pid.resolve("cmdline")).replace('\0', ' ');
        if (cmd.contains("postgres") && cmd.contains(" -p " + port + " ")) {
          postmaster = pid.getFileName().toString();
        }
      }
      if (postmaster == null) {
        return 0;
      }
      long ticks = 0;
      for (Path pid : pids) {
        String[] stat = stat(pid);
        if (stat == null) {
          continue;
        }
        if (pid.getFileName().toString().equals(postmaster)) {
          ticks += sum(stat, 11, 12, 13, 14); // utime, stime, cutime, cstime
        } else if (stat[1].equals(postmaster)) {
          ticks += sum(stat, 11, 12);
        }
      }
      return (long) (ticks * NANOS_PER_TICK);
    } catch (IOException e) {
      return 0;
    }
  }

  /** Fields after the command name ({@code pid (comm) state ppid ...}): [0] state, [1] ppid. */
  private static String[] stat(Path pid) {
    String line = read(pid.resolve("stat"));
    int end = line.lastIndexOf(')');
    return end < 0 ? null : line.substring(end + 2).trim().split(" ");
  }

  private static long sum(String[] stat, int... fields) {
    long total = 0;
    for (int f : fields) {
      total += Long.parseLong(stat[f]);
    }
    return total;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
