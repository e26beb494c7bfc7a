package dev.slipway.local.kube;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of a {@link KubeEmulator}. Start from {@link #defaults()} and change what you need:
 * {@code KubeEmulatorOptions.defaults().withPort(6443).withPodReadyDelay(Duration.ZERO)}.
 *
 * @param port TCP port on 127.0.0.1 for plain HTTP (fabric8 clients, tests); 0 picks a free one
 * @param securePort TCP port on 127.0.0.1 for HTTPS, where kubeconfigs point (kubectl sends
 *     credentials only over TLS); 0 picks a free one
 * @param podReadyDelay how long an emulated pod stays Pending before it turns Ready; may be 0
 * @param slowStartDelay how long a pod of an image whose tag contains {@code slowstart} stays
 *     Pending before it turns Ready (a gateway slow to warm up; see the README)
 * @param namespaces namespaces created at start; the Deployment controller acts in these only, and
 *     the first one is the default namespace of {@link KubeEmulator#client()} and of the written
 *     kubeconfig
 */
public record KubeEmulatorOptions(
    int port,
    int securePort,
    Duration podReadyDelay,
    List<String> namespaces,
    Duration slowStartDelay) {

  public static final Duration DEFAULT_POD_READY_DELAY = Duration.ofMillis(500);
  public static final String DEFAULT_NAMESPACE = "tenants";
  public static final Duration DEFAULT_SLOW_START_DELAY = Duration.ofSeconds(10);

  public KubeEmulatorOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (securePort < 0 || securePort > 65535) {
      throw new IllegalArgumentException("secure port out of range: " + securePort);
    }
    Objects.requireNonNull(podReadyDelay, "podReadyDelay");
    if (podReadyDelay.isNegative()) {
      throw new IllegalArgumentException("podReadyDelay must not be negative");
    }
    Objects.requireNonNull(slowStartDelay, "slowStartDelay");
    if (slowStartDelay.isNegative()) {
      throw new IllegalArgumentException("slowStartDelay must not be negative");
    }
    namespaces = List.copyOf(namespaces);
    if (namespaces.isEmpty()) {
      throw new IllegalArgumentException("at least one namespace is required");
    }
  }

  /** Any free port, 500 ms pod readiness (10 s for slowstart images), namespace {@code tenants}. */
  public static KubeEmulatorOptions defaults() {
    return new KubeEmulatorOptions(
        0, 0, DEFAULT_POD_READY_DELAY, List.of(DEFAULT_NAMESPACE), DEFAULT_SLOW_START_DELAY);
  }

  public KubeEmulatorOptions withPort(int port) {
    return new KubeEmulatorOptions(port, securePort, podReadyDelay, namespaces, slowStartDelay);
  }

  public KubeEmulatorOptions withSecurePort(int securePort) {
    return new KubeEmulatorOptions(port, securePort, podReadyDelay, namespaces, slowStartDelay);
  }

  public KubeEmulatorOptions withPodReadyDelay(Duration podReadyDelay) {
    return new KubeEmulatorOptions(port, securePort, podReadyDelay, namespaces, slowStartDelay);
  }

  public KubeEmulatorOptions withNamespaces(String... namespaces) {
    return new KubeEmulatorOptions(
        port, securePort, podReadyDelay, List.of(namespaces), slowStartDelay);
  }

  public KubeEmulatorOptions withSlowStartDelay(Duration slowStartDelay) {
    return new KubeEmulatorOptions(port, securePort, podReadyDelay, namespaces, slowStartDelay);
  }

  /** The namespace clients default to: the first of {@link #namespaces()}. */
  public String defaultNamespace() {
    return namespaces.get(0);
  }
}
