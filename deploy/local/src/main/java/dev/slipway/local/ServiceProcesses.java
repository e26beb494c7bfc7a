package dev.slipway.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three services of a {@link LocalStack} as separate processes: started from their built jars
 * with the stack's environment, killed and restarted for fault injection, stopped together.
 */
final class ServiceProcesses implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
  private final Map<LocalService, ServiceProcess> services = new EnumMap<>(LocalService.class);
  private final LocalStackOptions options;
  private final boolean echo;

  ServiceProcesses(LocalStackOptions options, boolean echoServiceLogs) {
    this.options = options;
    this.echo = echoServiceLogs;
  }

  /** Starts all three, waits until they are ready and publishes their URLs in {@code env}. */
  void startAll(StackEnv env) {
    RenderedOverlay overlay = RenderedOverlay.read(options.repoRoot(), options.overlay());
    ServiceProcess api = start(LocalService.API, overlay, env.variables());
    // The API migrates the schema: the others start once it is ready.
    api.awaitReady(READY_TIMEOUT);
    ServiceProcess worker = start(LocalService.WORKER, overlay, env.variables());
    ServiceProcess reconciler = start(LocalService.RECONCILER, overlay, env.variables());
    worker.awaitReady(READY_TIMEOUT);
    reconciler.awaitReady(READY_TIMEOUT);
    env.services(api, worker, reconciler);
  }

  /** See {@link LocalStack#kill}. */
  synchronized void kill(LocalService service) {
    services.get(service).kill();
  }

  /** See {@link LocalStack#restart(LocalService, List)}. */
  void restart(LocalService service, List<String> extraJvmOptions) {
    ServiceProcess next;
    synchronized (this) {
      next = services.get(service).restart(extraJvmOptions);
      services.put(service, next);
    }
    next.awaitReady(READY_TIMEOUT);
  }

  /** See {@link LocalStack#process}. */
  synchronized ProcessHandle process(LocalService service) {
    return services.get(service).handle();
  }

  private synchronized ServiceProcess start(
      LocalService service, RenderedOverlay overlay, Map<String, String> env) {
    Path jar =
        options.repoRoot().resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
    int port = FreePorts.choose(options.fixedPorts(), service.fixedPort(), service.logName());
    int management = port;
    // Two free-port picks in a row may return the same port; the service could not bind both.
    while (management == port) {
      management =
          FreePorts.choose(
              options.fixedPorts(),
              service.fixedManagementPort(),
              service.logName() + " (management)");
    }
    Path log = options.stateDir().resolve("logs").resolve(service.logName() + ".log");
    Map<String, String> all =
        new LinkedHashMap<>(ServiceEnv.of(service, overlay, env, options.reconcileInterval()));
    all.putAll(options.serviceEnv());
    // From the final environment: a test's JAVA_OPTS_APPEND is what its JVM runs with.
    List<String> jvm =
        ServiceEnv.jvmOptions(overlay.memoryLimitBytes(service), all.get("JAVA_OPTS_APPEND"));
    ServiceProcess process =
        ServiceProcess.start(
            service.logName(), jar, port, management, jvm, all, log, echo, options.aotTraining());
    services.put(service, process);
    return process;
  }

  /** Stops the services all at once: each needs a few seconds to drain. */
  @Override
  public void close() {
    Map<LocalService, ServiceProcess> running;
    synchronized (this) {
      running = new EnumMap<>(services);
    }
    running.values().forEach(ServiceProcess::terminate);
    running.values().forEach(p -> LocalStack.closeQuietly(p));
  }
}
