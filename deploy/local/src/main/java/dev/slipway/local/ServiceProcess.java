package dev.slipway.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Slipway service run from its packaged Quarkus jar as a child process, configured only through
 * environment variables (exactly as on EKS). Its output goes to a log file and, prefixed with the
 * service name, to the console.
 */
final class ServiceProcess implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Launch launch;
  private final String name;
  private final int port;
  private final int managementPort;
  private final Process process;

  /** Everything needed to start the service again, exactly as before. */
  private record Launch(
      String name,
      Path jar,
      int port,
      int managementPort,
      List<String> jvmOptions,
      Map<String, String> env,
      Path logFile,
      boolean echo,
      boolean aotTraining) {}

  private ServiceProcess(Launch launch, Process process) {
    this.launch = launch;
    this.name = launch.name();
    this.port = launch.port();
    this.managementPort = launch.managementPort();
    this.process = process;
  }

  static ServiceProcess start(
      String name,
      Path jar,
      int port,
      int managementPort,
      List<String> jvmOptions,
      Map<String, String> env,
      Path logFile,
      boolean echo,
      boolean aotTraining) {
    return launch(
        new Launch(
            name,
            jar,
            port,
            managementPort,
            List.copyOf(jvmOptions),
            Map.copyOf(env),
            logFile,
            echo,
            aotTraining),
        List.of(),
        false);
  }

  /**
   * Starts the same service again (same port, environment and log file, appended to) once this
   * process has ended; returns the new process without waiting for it to be ready.
   */
  ServiceProcess restart() {
    return restart(List.of());
  }

  /**
   * As {@link #restart()}, this start only with more JVM options (a benchmark's profiling): the
   * process returned keeps the service's own launch, so its next restart runs without them.
   */
  ServiceProcess restart(List<String> extraJvmOptions) {
    if (process.isAlive()) {
      throw new IllegalStateException(name + " is still running");
    }
    return launch(launch, extraJvmOptions, true);
  }

  private static ServiceProcess launch(Launch launch, List<String> extraJvm, boolean append) {
    String name = launch.name();
    Path jar = launch.jar();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " does not exist: build first (./mvnw -DskipTests package)");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(launch.jvmOptions()); // ServiceEnv#jvmOptions: the pod's
    command.addAll(extraJvm);
    command.addAll(StartupCache.options(jar, launch.aotTraining()));
    command.add("-jar");
    // Relative, from the jar's directory: the class-data archive records the class path as it was
    // when Quarkus wrote it there, and the JVM ignores the archive for any other.
    command.add(jar.getFileName().toString());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(jar.toAbsolutePath().getParent().toFile())
            .redirectErrorStream(true);
    builder.environment().putAll(launch.env());
    builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(launch.port()));
    builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(launch.managementPort()));
    try {
      Files.createDirectories(launch.logFile().getParent());
      Process process = builder.start();
      ServiceLog.follow(name, process, launch.logFile(), launch.echo(), append);
      return new ServiceProcess(launch, process);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  /** The service's JVM. */
  ProcessHandle handle() {
    return process.toHandle();
  }

  /** The public port: the API (nothing of the worker's and the reconciler's). */
  String url() {
    return "http://127.0.0.1:" + port;
  }

  /** The management interface: health and metrics under {@code /q}, as the kubelet reaches it. */
  String managementUrl() {
    return "http://127.0.0.1:" + managementPort;
  }

  /**
   * Waits until {@code /q/health/ready} on the management port answers 200, failing early if the
   * process dies.
   */
  void awaitReady(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
            .timeout(Duration.ofSeconds(2))
            .build();
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with code " + process.exitValue());
      }
      try {
        if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + name, e);
      }
      LocalStack.pause(Duration.ofMillis(100));
    }
    throw new IllegalStateException(name + " not ready within " + timeout);
  }

  /** SIGKILL (kill -9: no shutdown hook runs), then waits for the process to be gone. */
  void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException(name + " survived SIGKILL for 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while killing " + name, e);
    }
  }

  /** Sends SIGTERM (graceful Quarkus shutdown) without waiting; {@link #close()} then waits. */
  void terminate() {
    sigterm();
  }

  /**
   * SIGTERM through the process handle: {@code Process.destroy()} also closes our end of its output
   * pipe, so the service's shutdown lines were lost, and a training run's JVM, writing to a broken
   * pipe as it exits, never wrote its AOT cache.
   */
  private void sigterm() {
    process.toHandle().destroy();
  }

  /** SIGTERM, then SIGKILL if it does not end in time. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    sigterm();
    try {
      // A training run writes its AOT cache at exit, in a child JVM: tens of seconds on 2 cores.
      if (!process.waitFor(launch.aotTraining() ? 180 : 15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
