package dev.slipway.local;

import dev.slipway.local.kube.KubeEmulator;
import dev.slipway.local.kube.KubeEmulatorOptions;
import dev.slipway.local.postgres.EmbeddedPostgresServer;
import dev.slipway.local.sqs.CommandQueues;
import dev.slipway.local.sqs.ElasticMqServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The whole system on one machine: embedded PostgreSQL, ElasticMQ (FIFO queue + DLQ), the
 * Kubernetes emulator, and the three services as separate processes reaching them only through
 * ordinary configuration. Used by the run command and the end-to-end tests.
 */
public final class LocalStack implements AutoCloseable {
  static final String DATABASE = "slipway";
  static final String QUEUE_BASE = "slipway-commands";
  static final String TENANT_DOMAIN = "slipway.localhost";
  static final int MAX_RECEIVE_COUNT = 5;
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final Map<String, String> env = new LinkedHashMap<>();
  private final LocalStackOptions options;

  private LocalStack(LocalStackOptions options) {
    this.options = options;
  }

  /** Starts everything; on any failure stops what had started and rethrows. */
  public static LocalStack start(LocalStackOptions options, boolean echoServiceLogs) {
    LocalStack stack = new LocalStack(options);
    try {
      stack.startInfrastructure();
      if (options.startServices()) {
        stack.startServices(echoServiceLogs);
      }
      LocalEnvFile.write(options.stateDir().resolve("local.env"), stack.env);
      return stack;
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  /** The exported variables of {@code .slipway/local.env}. */
  public Map<String, String> env() {
    return Map.copyOf(env);
  }

  private void startInfrastructure() {
    boolean fixed = options.fixedPorts();
    var postgres =
        remember(
            EmbeddedPostgresServer.start(
                FreePorts.choose(fixed, LocalStackOptions.POSTGRES_PORT, "PostgreSQL")));
    postgres.createDatabase(DATABASE);
    var sqs =
        remember(ElasticMqServer.start(FreePorts.choose(fixed, LocalStackOptions.SQS_PORT, "SQS")));
    CommandQueues queues =
        sqs.createCommandQueues(QUEUE_BASE, MAX_RECEIVE_COUNT, Duration.ofSeconds(30));
    var kube =
        remember(
            KubeEmulator.start(
                KubeEmulatorOptions.defaults()
                    .withPort(FreePorts.choose(fixed, LocalStackOptions.KUBE_PORT, "Kubernetes"))
                    .withPodReadyDelay(options.podReadyDelay())
                    .withNamespaces(options.tenantNamespaces().toArray(String[]::new))));
    Path kubeconfig = kube.writeKubeconfig(options.stateDir().resolve("kubeconfig"));
    JwtKeys keys = JwtKeys.generate();
    Path publicKey = keys.writePublicKey(options.stateDir().resolve("jwt-public.pem"));
    Path privateKey = keys.writePrivateKey(options.stateDir().resolve("jwt-dev-private.pem"));

    env.put("SLIPWAY_DB_URL", postgres.libpqUrl(DATABASE));
    env.put("SLIPWAY_JDBC_URL", postgres.jdbcUrl(DATABASE));
    env.put("SLIPWAY_DB_REACTIVE_URL", postgres.reactiveUrl(DATABASE));
    env.put("SLIPWAY_DB_USER", postgres.username());
    env.put("SLIPWAY_DB_PASSWORD", postgres.password());
    env.put("SLIPWAY_SQS_ENDPOINT", sqs.endpoint());
    env.put("SLIPWAY_QUEUE_URL", queues.queueUrl());
    env.put("SLIPWAY_DLQ_URL", queues.dlqUrl());
    env.put("AWS_ACCESS_KEY_ID", "slipway-local");
    env.put("AWS_SECRET_ACCESS_KEY", "slipway-local");
    env.put("AWS_REGION", ElasticMqServer.REGION);
    env.put("KUBECONFIG", kubeconfig.toString());
    env.put("SLIPWAY_TENANT_NAMESPACES", String.join(",", options.tenantNamespaces()));
    env.put("SLIPWAY_JWT_PUBLIC_KEY", publicKey.toString());
    env.put("SLIPWAY_ADMIN_TOKEN", keys.token("local-admin", Set.of("admin"), Duration.ofDays(30)));
    env.put("SLIPWAY_OPS_TOKEN", keys.token("local-ops", Set.of("ops"), Duration.ofDays(30)));
    env.put("SLIPWAY_DEV_JWT_KEY", privateKey.toString());
    env.put("SLIPWAY_DEV_JWT_ISSUER", JwtKeys.ISSUER);
    env.put("SLIPWAY_DEV_JWT_AUDIENCE", JwtKeys.AUDIENCE);
  }

  private void startServices(boolean echo) {
    boolean fixed = options.fixedPorts();
    ServiceProcess api =
        service(
            "api-service",
            "api-service",
            fixed,
            LocalStackOptions.API_PORT,
            ServiceEnv.api(env, TENANT_DOMAIN),
            echo);
    // The API migrates the schema: the others start once it is ready.
    api.awaitReady(READY_TIMEOUT);
    ServiceProcess worker =
        service(
            "worker",
            "provisioner-worker",
            fixed,
            LocalStackOptions.WORKER_PORT,
            ServiceEnv.worker(env, TENANT_DOMAIN),
            echo);
    ServiceProcess reconciler =
        service(
            "reconciler",
            "reconciler-job",
            fixed,
            LocalStackOptions.RECONCILER_PORT,
            ServiceEnv.reconciler(env, options.reconcileInterval()),
            echo);
    worker.awaitReady(READY_TIMEOUT);
    reconciler.awaitReady(READY_TIMEOUT);
    env.put("SLIPWAY_API_URL", api.url());
    env.put("SLIPWAY_API_METRICS_URL", api.url() + "/q/metrics");
    env.put("SLIPWAY_WORKER_METRICS_URL", worker.url() + "/q/metrics");
    env.put("SLIPWAY_RECONCILER_METRICS_URL", reconciler.url() + "/q/metrics");
  }

  private ServiceProcess service(
      String name, String module, boolean fixed, int port, Map<String, String> env, boolean echo) {
    Path jar = options.repoRoot().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    int chosen = FreePorts.choose(fixed, port, name);
    Path log = options.stateDir().resolve("logs").resolve(name + ".log");
    return remember(ServiceProcess.start(name, jar, chosen, env, log, echo));
  }

  private <T extends AutoCloseable> T remember(T resource) {
    started.push(resource);
    return resource;
  }

  /**
   * Stops the services first, all at once (each needs a few seconds to drain), then the
   * infrastructure in reverse start order.
   */
  @Override
  public void close() {
    started.stream()
        .filter(ServiceProcess.class::isInstance)
        .map(ServiceProcess.class::cast)
        .forEach(ServiceProcess::terminate);
    while (!started.isEmpty()) {
      AutoCloseable next = started.pop();
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
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
