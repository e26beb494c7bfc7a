package dev.slipway.local;

import dev.slipway.local.kube.KubeFaults;
import dev.slipway.local.kube.flow.FlowControl;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The whole system on one machine: embedded PostgreSQL, ElasticMQ (FIFO queue + DLQ), the
 * Kubernetes emulator, and the three services as separate processes reaching them only through
 * ordinary configuration. Used by the run command and the end-to-end tests.
 *
 * <p>For fault injection it can kill and restart a service, stop and start ElasticMQ (losing its
 * messages) and PostgreSQL (keeping its data), and reach the emulator's {@link KubeFaults}.
 */
public final class LocalStack implements AutoCloseable {
  static final String DATABASE = "slipway";
  static final String QUEUE_BASE = "slipway-commands";
  // As deploy/terraform/variables.tf ships it: a backstop above the worker's own
  // retry.max-attempts.
  static final int MAX_RECEIVE_COUNT = 30;
  private final LocalInfrastructure infrastructure = new LocalInfrastructure();
  private final StackEnv env = new StackEnv();
  private final ServiceProcesses services;

  private LocalStack(LocalStackOptions options, boolean echoServiceLogs) {
    this.services = new ServiceProcesses(options, echoServiceLogs);
  }

  /** Starts everything; on any failure stops what had started and rethrows. */
  public static LocalStack start(LocalStackOptions options, boolean echoServiceLogs) {
    LocalStack stack = new LocalStack(options, echoServiceLogs);
    try {
      stack.infrastructure.start(options);
      stack.env.infrastructure(options, stack.infrastructure);
      if (options.startServices()) {
        stack.services.startAll(stack.env);
      } else if (options.fixedPorts()) {
        stack.env.servicesOnWellKnownPorts();
      }
      LocalEnvFile.write(options.stateDir().resolve("local.env"), stack.env.variables());
      return stack;
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  /** The exported variables of {@code .slipway/local.env}. */
  public Map<String, String> env() {
    return Map.copyOf(env.variables());
  }

  /** The emulator's API Priority and Fairness (unlimited unless SLIPWAY_KUBE_APF_SEATS is set). */
  public FlowControl kubeFlowControl() {
    return infrastructure.kube().flowControl();
  }

  /** Fault injection on the Kubernetes emulator's HTTP API. */
  public KubeFaults kubeFaults() {
    return infrastructure.kube().faults();
  }

  /** kill -9 of the service: no graceful shutdown, no drain, whatever it held is abandoned. */
  public void kill(LocalService service) {
    services.kill(service);
  }

  /** Starts a killed (or exited) service again on its port and waits until it is ready. */
  public void restart(LocalService service) {
    restart(service, List.of());
  }

  /**
   * As {@link #restart(LocalService)}, with more JVM options for this start only (a benchmark's
   * profiling, say); the next restart goes back to the service's own options.
   */
  public void restart(LocalService service, List<String> extraJvmOptions) {
    services.restart(service, extraJvmOptions);
  }

  /** The service's running JVM, for a benchmark that reads its CPU time or memory from /proc. */
  public ProcessHandle process(LocalService service) {
    return services.process(service);
  }

  /** Stops ElasticMQ: every queued message is lost; clients fail until {@link #startQueue()}. */
  public void stopQueue() {
    infrastructure.queue().stop();
  }

  /** Starts ElasticMQ again, empty, with the queues under their old URLs. */
  public void startQueue() {
    infrastructure.queue().startAgain();
  }

  /** Stops PostgreSQL (fast shutdown: sessions are ended); its data is kept. */
  public void stopPostgres() {
    infrastructure.postgres().stop();
  }

  /** Starts PostgreSQL again on the same port, data directory and password. */
  public void startPostgres() {
    infrastructure.postgres().startAgain();
  }

  /**
   * Stops the services first, all at once (each needs a few seconds to drain), then the
   * infrastructure in reverse start order.
   */
  @Override
  public void close() {
    services.close();
    infrastructure.close();
  }

  static void closeQuietly(AutoCloseable next) {
    long t0 = System.nanoTime();
    try {
      next.close();
    } catch (Exception e) {
      System.err.println("error while stopping the local stack: " + e);
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    if (ms > 1_000) {
      System.err.println("stopping " + next.getClass().getSimpleName() + " took " + ms + " ms");
    }
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
