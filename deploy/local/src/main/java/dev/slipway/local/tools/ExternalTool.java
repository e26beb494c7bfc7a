package dev.slipway.local.tools;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A command-line tool the checks and benchmarks run (kubectl, promtool, terraform, wrk, pgbench):
 * found on the PATH, run to its end within a time limit, its output (stdout and stderr together)
 * captured. Output goes through a file, not a pipe, so a chatty tool never blocks on a full pipe.
 */
public final class ExternalTool {
  /** Long enough for any check's tool; a benchmark's load tool passes its own. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

  private ExternalTool() {}

  /** What a run printed, and how it ended. */
  public record Result(int exitCode, String output) {
    /** The output, or an exception naming the tool when it exited with anything but 0. */
    public String orThrow(List<String> command) {
      if (exitCode != 0) {
        throw new IllegalStateException(
            name(command) + " exited with " + exitCode + ":\n" + output);
      }
      return output;
    }
  }

  // Messages name the tool, not its arguments: those may carry a token (wrk's Lua script takes
  // one).
  private static String name(List<String> command) {
    return Path.of(command.get(0)).getFileName().toString();
  }

  public static Optional<Path> find(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  public static Result run(Path workDir, List<String> command) {
    return run(workDir, command, Map.of(), DEFAULT_TIMEOUT);
  }

  public static Result run(Path workDir, List<String> command, Map<String, String> env) {
    return run(workDir, command, env, DEFAULT_TIMEOUT);
  }

  /**
   * Runs {@code command} in {@code workDir} with {@code env} added to this process's environment; a
   * run longer than {@code timeout} is killed and reported as an exception.
   */
  public static Result run(
      Path workDir, List<String> command, Map<String, String> env, Duration timeout) {
    try {
      Path out = Files.createTempFile("slipway-tool", ".out");
      try {
        ProcessBuilder builder =
            new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(out.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException(name(command) + " timed out after " + timeout);
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
      }
    } catch (IOException e) {
      throw new IllegalStateException("could not run " + name(command) + " (is it installed?)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + name(command), e);
    }
  }
}
