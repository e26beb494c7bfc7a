package dev.slipway.local;

import dev.slipway.local.kube.KubeEmulator;
import dev.slipway.local.kube.KubeEmulatorOptions;
import dev.slipway.local.postgres.EmbeddedPostgresServer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * What the services of a {@link LocalStack} depend on: embedded PostgreSQL, ElasticMQ and the
 * Kubernetes emulator, started in that order and stopped in reverse. Its connection settings are
 * published by {@link StackEnv}.
 */
final class LocalInfrastructure implements AutoCloseable {
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private EmbeddedPostgresServer postgres;
  private QueueServer queue;
  private KubeEmulator kube;

  /** Starts all three; what started before a failure stays here for {@link #close()}. */
  void start(LocalStackOptions options) {
    boolean fixed = options.fixedPorts();
    postgres =
        remember(
            EmbeddedPostgresServer.startRestartable(
                FreePorts.choose(fixed, LocalStackOptions.POSTGRES_PORT, "PostgreSQL"),
                options.stateDir().resolve("postgres-data")));
    postgres.createDatabase(LocalStack.DATABASE);
    queue =
        remember(
            QueueServer.start(
                FreePorts.choose(fixed, LocalStackOptions.SQS_PORT, "SQS"),
                options.queueVisibility()));
    kube =
        remember(
            KubeEmulator.start(
                KubeEmulatorOptions.defaults()
                    .withPort(FreePorts.choose(fixed, LocalStackOptions.KUBE_PORT, "Kubernetes"))
                    .withSecurePort(
                        FreePorts.choose(
                            fixed, LocalStackOptions.KUBE_SECURE_PORT, "Kubernetes (HTTPS)"))
                    .withPodReadyDelay(options.podReadyDelay())
                    .withNamespaces(options.tenantNamespaces().toArray(String[]::new))));
    limitKubeFlow(System.getenv());
  }

  EmbeddedPostgresServer postgres() {
    return postgres;
  }

  QueueServer queue() {
    return queue;
  }

  KubeEmulator kube() {
    return kube;
  }

  /**
   * {@code SLIPWAY_KUBE_APF_SEATS} (seats per service's priority level) and {@code
   * SLIPWAY_KUBE_APF_HOLD_MS} (each request's seat time, default 5 ms) turn on the emulator's APF
   * for a run of the local stack, e.g. to watch the worker honour 429s (deploy/local/README.md).
   */
  private void limitKubeFlow(Map<String, String> env) {
    String seats = env.get("SLIPWAY_KUBE_APF_SEATS");
    if (seats != null && !seats.isBlank()) {
      String hold = env.getOrDefault("SLIPWAY_KUBE_APF_HOLD_MS", "5");
      kube.flowControl()
          .limit(Integer.parseInt(seats.trim()), Duration.ofMillis(Long.parseLong(hold.trim())));
    }
  }

  private <T extends AutoCloseable> T remember(T resource) {
    started.push(resource);
    return resource;
  }

  /** Stops what had started, in reverse start order. */
  @Override
  public void close() {
    while (!started.isEmpty()) {
      LocalStack.closeQuietly(started.pop());
    }
  }
}
