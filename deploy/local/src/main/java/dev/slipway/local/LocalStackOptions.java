package dev.slipway.local;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to start the local stack.
 *
 * @param repoRoot the repository checkout (services are run from their packaged jars there)
 * @param stateDir where kubeconfig, keys, logs and local.env are written ({@code .slipway})
 * @param fixedPorts well-known ports for a developer's stack; false picks free ports (tests)
 * @param podReadyDelay how long the emulated kubelet takes to report a new pod Ready
 * @param startServices also start api-service, provisioner-worker and reconciler-job
 * @param reconcileInterval time between the reconciler's passes
 */
public record LocalStackOptions(
    Path repoRoot,
    Path stateDir,
    boolean fixedPorts,
    Duration podReadyDelay,
    boolean startServices,
    Duration reconcileInterval) {

  /** Well-known ports of the developer stack (see README). */
  public static final int API_PORT = 8080;

  public static final int WORKER_PORT = 8081;
  public static final int RECONCILER_PORT = 8082;
  public static final int POSTGRES_PORT = 15432;
  public static final int SQS_PORT = 9324;
  public static final int KUBE_PORT = 16443;

  public static LocalStackOptions developer(Path repoRoot) {
    return new LocalStackOptions(
        repoRoot,
        repoRoot.resolve(".slipway"),
        true,
        Duration.ofSeconds(1),
        true,
        Duration.ofSeconds(30));
  }

  public static LocalStackOptions test(Path repoRoot, Path stateDir) {
    return new LocalStackOptions(
        repoRoot, stateDir, false, Duration.ofMillis(200), true, Duration.ofSeconds(2));
  }
}
