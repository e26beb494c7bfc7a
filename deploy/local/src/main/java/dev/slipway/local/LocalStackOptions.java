package dev.slipway.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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
 */
public record LocalStackOptions(
    Path repoRoot,
    Path stateDir,
    boolean fixedPorts,
    Duration podReadyDelay,
    boolean startServices,
    Duration reconcileInterval,
    List<String> tenantNamespaces) {

  public LocalStackOptions {
    tenantNamespaces = List.copyOf(tenantNamespaces);
    if (tenantNamespaces.isEmpty()) {
      throw new IllegalArgumentException("at least one tenant namespace is required");
    }
  }

  /** Well-known ports of the developer stack (see README). */
  public static final int API_PORT = 8080;

  public static final int WORKER_PORT = 8081;
  public static final int RECONCILER_PORT = 8082;
  public static final int POSTGRES_PORT = 15432;
  public static final int SQS_PORT = 9324;
  public static final int KUBE_PORT = 16443;

  /** The developer stack: every tenant in {@code tenants}, as the README's commands assume. */
  public static LocalStackOptions developer(Path repoRoot) {
    return new LocalStackOptions(
        repoRoot,
        repoRoot.resolve(".slipway"),
        true,
        Duration.ofSeconds(1),
        true,
        Duration.ofSeconds(30),
        List.of("tenants"));
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
        List.of("tenants", "tenants-2"));
  }
}
