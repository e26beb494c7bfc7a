package dev.slipway.e2e;

import dev.slipway.local.LocalStack;
import dev.slipway.local.LocalStackOptions;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The whole local stack (embedded infrastructure and the three packaged services, each its own
 * process) as the end-to-end tests use it, with a Kubernetes client on its emulator.
 */
public final class RunningStack implements AutoCloseable {
  private final LocalStack stack;
  private final KubernetesClient kube;

  private RunningStack(LocalStack stack, KubernetesClient kube) {
    this.stack = stack;
    this.kube = kube;
  }

  /** Starts everything with the test options (fast pod readiness and reconcile interval). */
  public static RunningStack start(Path stateDir) throws Exception {
    return start(LocalStackOptions.test(repoRoot(), stateDir));
  }

  /** Starts everything with the given options. */
  public static RunningStack start(LocalStackOptions options) throws Exception {
    LocalStack stack = LocalStack.start(options, false);
    Config config = Config.fromKubeconfig(Files.readString(Path.of(stack.env().get("KUBECONFIG"))));
    return new RunningStack(stack, new KubernetesClientBuilder().withConfig(config).build());
  }

  public static Path repoRoot() {
    return Path.of(System.getProperty("slipway.repo.root", "..")).toAbsolutePath();
  }

  /** What {@code .slipway/local.env} exports: URLs, tokens, KUBECONFIG... */
  public Map<String, String> env() {
    return stack.env();
  }

  public KubernetesClient kube() {
    return kube;
  }

  /** The stack itself, for fault injection (kill and restart services, queue, database). */
  public LocalStack stack() {
    return stack;
  }

  @Override
  public void close() {
    kube.close();
    stack.close();
  }
}
