package dev.slipway.local.kube.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real kubectl binary against an emulator, with a private discovery cache. */
public final class Kubectl {

  public static final Path BINARY = Path.of("/usr/bin/kubectl");

  /** What one kubectl run printed. */
  public record Result(int exitCode, String stdout, String stderr) {
    boolean ok() {
      return exitCode == 0;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
    }
  }

  private final Path kubeconfig;
  private final Path cacheDir;

  public Kubectl(Path kubeconfig, Path cacheDir) {
    this.kubeconfig = kubeconfig;
    this.cacheDir = cacheDir;
  }

  public static boolean available() {
    return Files.isExecutable(BINARY);
  }

  /** A kubectl that keeps running (e.g. {@code get -w}); its output goes to a file. */
  public record Running(Process process, Path out, Path err) implements AutoCloseable {
    String stdout() throws IOException {
      return Files.readString(out, StandardCharsets.UTF_8);
    }

    String stderr() throws IOException {
      return Files.readString(err, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
      process.destroyForcibly();
    }
  }

  public Running start(String... args) throws IOException {
    Path out = Files.createTempFile(cacheDir, "out", ".txt");
    Path err = Files.createTempFile(cacheDir, "err", ".txt");
    Process process =
        new ProcessBuilder(command(args))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    return new Running(process, out, err);
  }

  private List<String> command(String... args) {
    List<String> command = new ArrayList<>();
    command.add(BINARY.toString());
    command.add("--kubeconfig=" + kubeconfig);
    command.add("--cache-dir=" + cacheDir);
    command.addAll(List.of(args));
    return command;
  }

  public Result run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(BINARY.toString());
    command.add("--kubeconfig=" + kubeconfig);
    command.add("--cache-dir=" + cacheDir);
    command.add("--request-timeout=20s");
    command.addAll(List.of(args));
    Path out = Files.createTempFile(cacheDir, "out", ".txt");
    Path err = Files.createTempFile(cacheDir, "err", ".txt");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("kubectl timed out: " + command);
    }
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
