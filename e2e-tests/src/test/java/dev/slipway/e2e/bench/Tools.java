package dev.slipway.e2e.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Runs an external load tool to its end and returns what it printed (stdout and stderr). */
final class Tools {
  private Tools() {}

  static String run(List<String> command) throws IOException, InterruptedException {
    return run(command, Map.of());
  }

  static String run(List<String> command, Map<String, String> env)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IOException(
          command.get(0) + " is not installed (Debian: apt-get install wrk postgresql-client)", e);
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    if (exit != 0) {
      throw new IllegalStateException(command.get(0) + " exited with " + exit + ":\n" + out);
    }
    return out;
  }
}
