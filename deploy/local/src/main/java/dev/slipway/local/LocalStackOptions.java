package dev.slipway.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How to start the local stack.
 *
 * @param repoRoot the repository checkout (services are run from their packaged jars there)
 * @param stateDir where kubeconfig, keys, logs and local.env are written ({@code .slipway})
 * @param fixedPorts well-known ports for a developer's stack; false picks free ports (tests)
 * @param podReadyDelay how long the emulated kubelet takes to report a new pod Ready
 * @param startServices also start api-service, provisioner-worker and reconciler-job
 * @param reconcileInterval time between the reconciler's passes
 * @param tenantNamespaces the tenant namespaces (namespace sharding): created in the emulator,
 *     whose Deployment controller acts in them, and given to all three services; the first is the
 *     default
 * @param queueVisibility the command queue's default visibility timeout (whole seconds)
 * @param serviceEnv extra environment given to every service, over what the stack sets (e.g. a
 *     shorter {@code SLIPWAY_RECONCILER_STUCK_AFTER} for fault-injection runs)
 * @param aotTraining run the services as a training run for JDK 25's AOT cache: each writes {@code
 *     app.aot} next to its jar when it stops ({@link StartupCache})
 * @param overlay the deploy/k8s overlay whose configuration the services run with, read from its
 *     committed rendering (deploy/k8s/rendered/OVERLAY.yaml) with only endpoints, credentials and
 *     ports replaced ({@link ServiceEnv})
 */
public record LocalStackOptions(
    Path repoRoot,
    Path stateDir,
    boolean fixedPorts,
    Duration podReadyDelay,
    boolean startServices,
    Duration reconcileInterval,
    List<String> tenantNamespaces,
    Duration queueVisibility,
    Map<String, String> serviceEnv,
    boolean aotTraining,
    String overlay) {

  /** Well-known ports of the developer stack (see README). */
  public static final int API_PORT = 8080;

  public static final int WORKER_PORT = 8081;
  public static final int RECONCILER_PORT = 8082;

  /** Management interfaces (health, metrics): as quarkus.management.port of each service. */
  public static final int API_MANAGEMENT_PORT = 9080;

  public static final int WORKER_MANAGEMENT_PORT = 9081;
  public static final int RECONCILER_MANAGEMENT_PORT = 9082;
  public static final int POSTGRES_PORT = 15432;
  public static final int SQS_PORT = 9324;
  public static final int KUBE_PORT = 16443;
  public static final int KUBE_SECURE_PORT = 16444;
  private static final Duration QUEUE_VISIBILITY = Duration.ofSeconds(30);

  /** The overlay the local stack and the end-to-end tests run by default. */
  public static final String DEFAULT_OVERLAY = "dev";

  public LocalStackOptions {
    tenantNamespaces = List.copyOf(tenantNamespaces);
    if (tenantNamespaces.isEmpty()) {
      throw new IllegalArgumentException("at least one tenant namespace is required");
    }
    serviceEnv = Map.copyOf(serviceEnv);
  }

  /** The developer stack: every tenant in {@code tenants}, as the README's commands assume. */
  public static LocalStackOptions developer(Path repoRoot) {
    return new LocalStackOptions(
        repoRoot,
        repoRoot.resolve(".slipway"),
        true,
        Duration.ofSeconds(1),
        true,
        Duration.ofSeconds(30),
        List.of("tenants"),
        QUEUE_VISIBILITY,
        Map.of(),
        false,
        DEFAULT_OVERLAY);
  }

  /** The end-to-end tests' stack: free ports, fast pods and passes, two tenant namespaces. */
  public static LocalStackOptions test(Path repoRoot, Path stateDir) {
    return new LocalStackOptions(
        repoRoot,
        stateDir,
        false,
        Duration.ofMillis(200),
        true,
        Duration.ofSeconds(2),
        List.of("tenants", "tenants-2"),
        QUEUE_VISIBILITY,
        Map.of(),
        false,
        DEFAULT_OVERLAY);
  }

  public LocalStackOptions withReconcileInterval(Duration interval) {
    return new LocalStackOptions(
        repoRoot,
        stateDir,
        fixedPorts,
        podReadyDelay,
        startServices,
        interval,
        tenantNamespaces,
        queueVisibility,
        serviceEnv,
        aotTraining,
        overlay);
  }

  public LocalStackOptions withPodReadyDelay(Duration delay) {
    return new LocalStackOptions(
        repoRoot,
        stateDir,
        fixedPorts,
        delay,
        startServices,
        reconcileInterval,
        tenantNamespaces,
        queueVisibility,
        serviceEnv,
        aotTraining,
        overlay);
  }

  public LocalStackOptions withTenantNamespaces(List<String> namespaces) {
    return new LocalStackOptions(
        repoRoot,
        stateDir,
        fixedPorts,
        podReadyDelay,
        startServices,
        reconcileInterval,
        namespaces,
        queueVisibility,
        serviceEnv,
        aotTraining,
        overlay);
  }

  public LocalStackOptions withQueueVisibility(Duration visibility) {
    return new LocalStackOptions(
        repoRoot,
        stateDir,
        fixedPorts,
        podReadyDelay,
        startServices,
        reconcileInterval,
        tenantNamespaces,
        visibility,
        serviceEnv,
        aotTraining,
        overlay);
  }

  public LocalStackOptions withServiceEnv(Map<String, String> env) {
    return new LocalStackOptions(
        repoRoot,
        stateDir,
        fixedPorts,
        podReadyDelay,
        startServices,
        reconcileInterval,
        tenantNamespaces,
        queueVisibility,
        env,
        aotTraining,
        overlay);
  }

  public LocalStackOptions withAotTraining() {
    return new LocalStackOptions(
        repoRoot,
        stateDir,
        fixedPorts,
        podReadyDelay,
        startServices,
        reconcileInterval,
        tenantNamespaces,
        queueVisibility,
        serviceEnv,
        true,
        overlay);
  }

  /**
   * Only PostgreSQL, ElasticMQ and the Kubernetes emulator ({@code ./slipway infra}): the services
   * run elsewhere, e.g. under {@code ./mvnw quarkus:dev}, on the well-known ports.
   */
  public LocalStackOptions infrastructureOnly() {
    return new LocalStackOptions(
        repoRoot,
        stateDir,
        fixedPorts,
        podReadyDelay,
        false,
        reconcileInterval,
        tenantNamespaces,
        queueVisibility,
        serviceEnv,
        aotTraining,
        overlay);
  }

  /** Runs the services with another overlay's configuration (e.g. {@code prod}). */
  public LocalStackOptions withOverlay(String name) {
    return new LocalStackOptions(
        repoRoot,
        stateDir,
        fixedPorts,
        podReadyDelay,
        startServices,
        reconcileInterval,
        tenantNamespaces,
        queueVisibility,
        serviceEnv,
        aotTraining,
        name);
  }
}
