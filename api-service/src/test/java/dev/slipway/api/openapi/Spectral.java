package dev.slipway.api.openapi;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Spectral, the OpenAPI linter, at the version pinned in src/test/spectral/package-lock.json,
 * installed by {@code npm ci} into target/spectral (once per clean build) and run there with the
 * project ruleset src/test/spectral/.spectral.yaml.
 */
final class Spectral {
  private static final Path SOURCE = Path.of("src/test/spectral");
  private static final Path HOME = Path.of("target/spectral");

  private Spectral() {}

  /** Whether npm can be run here; CI has it, a JDK-only machine may not. */
  static boolean npmAvailable() {
    try {
      return run(List.of("npm", "--version"), Path.of("."), 60).exitCode() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** Lints {@code document} and returns Spectral's JSON report (an array of findings). */
  static Result lint(Path document) throws IOException {
    install();
    return run(
        List.of(
            HOME.resolve("node_modules/.bin/spectral").toAbsolutePath().toString(),
            "lint",
            "--ruleset",
            HOME.resolve(".spectral.yaml").toAbsolutePath().toString(),
            "--format",
            "json",
            "--quiet",
            "--fail-severity",
            "hint",
            document.toAbsolutePath().toString()),
        HOME,
        300);
  }

  private static void install() throws IOException {
    Files.createDirectories(HOME);
    for (String name : List.of("package.json", "package-lock.json", ".spectral.yaml")) {
      Files.copy(SOURCE.resolve(name), HOME.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
    if (Files.isExecutable(HOME.resolve("node_modules/.bin/spectral"))) {
      return;
    }
    Result npm = run(List.of("npm", "ci", "--no-audit", "--no-fund"), HOME, 600);
    if (npm.exitCode() != 0) {
      throw new IOException("npm ci of Spectral failed:\n" + npm.output());
    }
  }

  private static Result run(List<String> command, Path dir, long timeoutSeconds)
      throws IOException {
    File log = Files.createTempFile("spectral", ".log").toFile();
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log)
            .start();
    try {
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(command + " did not finish in " + timeoutSeconds + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
    Files.delete(log.toPath());
    return new Result(process.exitValue(), output);
  }

  record Result(int exitCode, String output) {}
}
