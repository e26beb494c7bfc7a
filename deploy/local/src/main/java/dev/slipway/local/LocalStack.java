package dev.slipway.local;

import dev.slipway.local.kube.KubeEmulator;
import dev.slipway.local.kube.KubeEmulatorOptions;
import dev.slipway.local.kube.KubeFaults;
import dev.slipway.local.kube.auth.Identities;
import dev.slipway.local.kube.flow.FlowControl;
import dev.slipway.local.postgres.EmbeddedPostgresServer;
import dev.slipway.local.sqs.CommandQueues;
import dev.slipway.local.sqs.ElasticMqServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final Map<String, String> env = new LinkedHashMap<>();
  private final Map<LocalService, ServiceProcess> services = new EnumMap<>(LocalService.class);
  private final LocalStackOptions options;
  private EmbeddedPostgresServer postgres;
  private QueueServer queue;
  private KubeEmulator kube;
  private boolean echo;

  private LocalStack(LocalStackOptions options) {
    this.options = options;
  }

  /** Starts everything; on any failure stops what had started and rethrows. */
  public static LocalStack start(LocalStackOptions options, boolean echoServiceLogs) {
    LocalStack stack = new LocalStack(options);
    stack.echo = echoServiceLogs;
    try {
      stack.startInfrastructure();
      if (options.startServices()) {
        stack.startServices();
      } else if (options.fixedPorts()) {
        stack.servicesOnWellKnownPorts();
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

  /** The emulator's API Priority and Fairness (unlimited unless SLIPWAY_KUBE_APF_SEATS is set). */
  public FlowControl kubeFlowControl() {
    return kube.flowControl();
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

  /** Fault injection on the Kubernetes emulator's HTTP API. */
  public KubeFaults kubeFaults() {
    return kube.faults();
  }

  /** kill -9 of the service: no graceful shutdown, no drain, whatever it held is abandoned. */
  public synchronized void kill(LocalService service) {
    services.get(service).kill();
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
    ServiceProcess next;
    synchronized (this) {
      next = services.get(service).restart(extraJvmOptions);
      services.put(service, next);
    }
    next.awaitReady(READY_TIMEOUT);
  }

  /** The service's running JVM, for a benchmark that reads its CPU time or memory from /proc. */
  public synchronized ProcessHandle process(LocalService service) {
    return services.get(service).handle();
  }

  /** Stops ElasticMQ: every queued message is lost; clients fail until {@link #startQueue()}. */
  public void stopQueue() {
    queue.stop();
  }

  /** Starts ElasticMQ again, empty, with the queues under their old URLs. */
  public void startQueue() {
    queue.startAgain();
  }

  /** Stops PostgreSQL (fast shutdown: sessions are ended); its data is kept. */
  public void stopPostgres() {
    postgres.stop();
  }

  /** Starts PostgreSQL again on the same port, data directory and password. */
  public void startPostgres() {
    postgres.startAgain();
  }

  private void startInfrastructure() {
    boolean fixed = options.fixedPorts();
    postgres =
        remember(
            EmbeddedPostgresServer.startRestartable(
                FreePorts.choose(fixed, LocalStackOptions.POSTGRES_PORT, "PostgreSQL"),
                options.stateDir().resolve("postgres-data")));
    postgres.createDatabase(DATABASE);
    queue =
        remember(
            QueueServer.start(
                FreePorts.choose(fixed, LocalStackOptions.SQS_PORT, "SQS"),
                options.queueVisibility()));
    CommandQueues queues = queue.queues();
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
    Path kubeconfig = kube.writeKubeconfig(options.stateDir().resolve("kubeconfig"));
    // One kubeconfig per service, with its service account's token: each service runs under the
    // Role deploy/k8s ships for it, as on EKS (ServiceEnv hands each its own).
    Path apiKubeconfig =
        kube.writeKubeconfig(options.stateDir().resolve("kubeconfig-api"), Identities.API_SERVICE);
    Path workerKubeconfig =
        kube.writeKubeconfig(options.stateDir().resolve("kubeconfig-worker"), Identities.WORKER);
    Path reconcilerKubeconfig =
        kube.writeKubeconfig(
            options.stateDir().resolve("kubeconfig-reconciler"), Identities.RECONCILER);
    JwtKeys keys = JwtKeys.generate();
    Path publicKey = keys.writePublicKey(options.stateDir().resolve("jwt-public.pem"));
    Path privateKey = keys.writePrivateKey(options.stateDir().resolve("jwt-dev-private.pem"));

    env.put("SLIPWAY_DB_URL", postgres.libpqUrl(DATABASE));
    env.put("SLIPWAY_JDBC_URL", postgres.jdbcUrl(DATABASE));
    env.put("SLIPWAY_DB_REACTIVE_URL", postgres.reactiveUrl(DATABASE));
    env.put("SLIPWAY_DB_USER", postgres.username());
    env.put("SLIPWAY_DB_PASSWORD", postgres.password());
    // Each service's own role (docs/deploy.md#database-roles); the admin above is psql's.
    for (LocalService s : LocalService.values()) {
      env.put(ServiceEnv.dbUserVariable(s), s.databaseRole());
      env.put(ServiceEnv.dbPasswordVariable(s), postgres.password(s.databaseRole()));
    }
    env.put("SLIPWAY_SQS_ENDPOINT", queue.endpoint());
    env.put("SLIPWAY_QUEUE_URL", queues.queueUrl());
    env.put("SLIPWAY_DLQ_URL", queues.dlqUrl());
    env.put("AWS_ACCESS_KEY_ID", "slipway-local");
    env.put("AWS_SECRET_ACCESS_KEY", "slipway-local");
    env.put("AWS_REGION", ElasticMqServer.REGION);
    env.put("KUBECONFIG", kubeconfig.toString());
    env.put("SLIPWAY_API_KUBECONFIG", apiKubeconfig.toString());
    env.put("SLIPWAY_WORKER_KUBECONFIG", workerKubeconfig.toString());
    env.put("SLIPWAY_RECONCILER_KUBECONFIG", reconcilerKubeconfig.toString());
    env.put("SLIPWAY_TENANT_NAMESPACES", String.join(",", options.tenantNamespaces()));
    env.put("SLIPWAY_JWT_PUBLIC_KEY", publicKey.toString());
    env.put("SLIPWAY_ADMIN_TOKEN", keys.token("local-admin", Set.of("admin"), Duration.ofDays(30)));
    env.put("SLIPWAY_OPS_TOKEN", keys.token("local-ops", Set.of("ops"), Duration.ofDays(30)));
    env.put("SLIPWAY_DEV_JWT_KEY", privateKey.toString());
    env.put(
        "SLIPWAY_TOKEN_KEY_FILE",
        TokenKeyFile.writeOnce(options.stateDir().resolve("token-kek.key")).toString());
    env.put("SLIPWAY_DEV_JWT_ISSUER", JwtKeys.ISSUER);
    env.put("SLIPWAY_DEV_JWT_AUDIENCE", JwtKeys.AUDIENCE);
  }

  private void startServices() {
    RenderedOverlay overlay = RenderedOverlay.read(options.repoRoot(), options.overlay());
    ServiceProcess api = service(LocalService.API, overlay);
    // The API migrates the schema: the others start once it is ready.
    api.awaitReady(READY_TIMEOUT);
    ServiceProcess worker = service(LocalService.WORKER, overlay);
    ServiceProcess reconciler = service(LocalService.RECONCILER, overlay);
    worker.awaitReady(READY_TIMEOUT);
    reconciler.awaitReady(READY_TIMEOUT);
    env.put("SLIPWAY_API_URL", api.url());
    // Health and metrics are on each service's management port, not on the API's public one.
    env.put("SLIPWAY_API_METRICS_URL", api.managementUrl() + "/q/metrics");
    env.put("SLIPWAY_WORKER_METRICS_URL", worker.managementUrl() + "/q/metrics");
    env.put("SLIPWAY_RECONCILER_METRICS_URL", reconciler.managementUrl() + "/q/metrics");
  }

  /**
   * Infrastructure only: the services are expected where {@code ./mvnw quarkus:dev} serves them
   * (their quarkus.http.port), so local.env's URLs serve the CLI and curl as after {@code up}.
   */
  private void servicesOnWellKnownPorts() {
    String api = "http://localhost:" + LocalStackOptions.API_PORT;
    env.put("SLIPWAY_API_URL", api);
    env.put("SLIPWAY_API_METRICS_URL", api + "/q/metrics");
    env.put(
        "SLIPWAY_WORKER_METRICS_URL",
        "http://localhost:" + LocalStackOptions.WORKER_PORT + "/q/metrics");
    env.put(
        "SLIPWAY_RECONCILER_METRICS_URL",
        "http://localhost:" + LocalStackOptions.RECONCILER_PORT + "/q/metrics");
  }

  private synchronized ServiceProcess service(LocalService service, RenderedOverlay overlay) {
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
    Map<LocalService, ServiceProcess> running;
    synchronized (this) {
      running = new EnumMap<>(services);
    }
    running.values().forEach(ServiceProcess::terminate);
    running.values().forEach(p -> closeQuietly(p));
    while (!started.isEmpty()) {
      closeQuietly(started.pop());
    }
  }

  private static void closeQuietly(AutoCloseable next) {
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
