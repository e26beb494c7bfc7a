package dev.slipway.e2e.cli;

import dev.slipway.cli.SlipwayCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Runs the CLI's entry point in-process with a chosen environment and working directory, exactly as
 * {@code main} does with the real ones, and keeps its exit code and both streams.
 */
final class CliRunner {
  private final Map<String, String> env;
  private final Path cwd;

  CliRunner(Map<String, String> env, Path cwd) {
    this.env = env;
    this.cwd = cwd;
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        SlipwayCli.run(
            args,
            env,
            cwd,
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            Clock.systemUTC());
    return new Result(code, out.toString(), err.toString());
  }

  /** What one invocation did; its toString is the assertion message. */
  record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }
}
