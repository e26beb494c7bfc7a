package dev.slipway.local.kube;

import dev.slipway.local.kube.auth.Identities;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link KubeEmulator} for a {@code @QuarkusTest}: {@code @QuarkusTestResource(value =
 * KubeEmulatorTestResource.class, initArgs = @ResourceArg(name = "pod-ready-delay-ms", value =
 * "0"))}. {@code namespaces} (comma-separated, default {@code tenants}) names the namespaces the
 * emulated Deployment controller acts in, the first being the clients' default: tests of namespace
 * sharding list every tenant namespace there.
 *
 * <p>{@code identity} names whom the application's client authenticates as: {@code admin} (the
 * default), or a service's account, {@code provisioner-worker}, {@code reconciler-job} or {@code
 * api-service}, which the emulator authorizes with the Roles shipped in deploy/k8s/rendered. Tests
 * arrange cluster state (drift, orphans) through {@code emulator().client()}, which is always the
 * admin's: only the worker writes to the cluster, and under its own Role.
 *
 * <p>Quarkus fixes {@code quarkus.kubernetes-client.api-server-url} at build time, so the fabric8
 * system properties are set as well; the Quarkus client picks them up at runtime. They are cleared
 * on stop, so no later test class talks to a dead server by accident.
 */
public class KubeEmulatorTestResource implements QuarkusTestResourceLifecycleManager {

  public static final String POD_READY_DELAY_ARG = "pod-ready-delay-ms";

  /** Init arg: how long pods of a {@code slowstart} image stay Pending, in milliseconds. */
  public static final String SLOW_START_DELAY_ARG = "slow-start-delay-ms";

  public static final String NAMESPACES_ARG = "namespaces";
  public static final String IDENTITY_ARG = "identity";
  public static final String KUBE_URL_PROPERTY = "slipway.test.kube-url";

  static final List<String> SYSTEM_PROPERTIES =
      List.of(
          "kubernetes.master",
          "kubernetes.auth.tryKubeConfig",
          "kubernetes.auth.tryServiceAccount",
          "kubernetes.namespace",
          "kubernetes.trust.certificates",
          "kubernetes.auth.token");

  private static volatile KubeEmulator current;

  private Duration podReadyDelay = Duration.ofMillis(200);
  private Duration slowStartDelay = KubeEmulatorOptions.DEFAULT_SLOW_START_DELAY;
  private List<String> namespaces = KubeEmulatorOptions.defaults().namespaces();
  private String identity = Identities.ADMIN;
  private KubeEmulator emulator;

  /**
   * The emulator of the running test resource, for assertions from a test.
   *
   * @throws IllegalStateException when no KubeEmulatorTestResource is running
   */
  public static KubeEmulator emulator() {
    KubeEmulator running = current;
    if (running == null) {
      throw new IllegalStateException("no KubeEmulatorTestResource is running");
    }
    return running;
  }

  /**
   * The admin's client of the running emulator: what tests use to arrange cluster state (drift,
   * orphans) and to inspect it, whatever identity the application runs as.
   */
  public static KubernetesClient adminClient() {
    return emulator().client();
  }

  @Override
  public void init(Map<String, String> initArgs) {
    String delay = initArgs.get(POD_READY_DELAY_ARG);
    if (delay != null && !delay.isBlank()) {
      podReadyDelay = Duration.ofMillis(Long.parseLong(delay.trim()));
    }
    String slow = initArgs.get(SLOW_START_DELAY_ARG);
    if (slow != null && !slow.isBlank()) {
      slowStartDelay = Duration.ofMillis(Long.parseLong(slow.trim()));
    }
    String listed = initArgs.get(NAMESPACES_ARG);
    if (listed != null && !listed.isBlank()) {
      namespaces = Arrays.stream(listed.split(",")).map(String::trim).toList();
    }
    String named = initArgs.get(IDENTITY_ARG);
    if (named != null && !named.isBlank()) {
      identity = named.trim();
    }
  }

  @Override
  public Map<String, String> start() {
    emulator =
        KubeEmulator.start(
            KubeEmulatorOptions.defaults()
                .withPodReadyDelay(podReadyDelay)
                .withSlowStartDelay(slowStartDelay)
                .withNamespaces(namespaces.toArray(String[]::new)));
    current = emulator;
    Map<String, String> config = new LinkedHashMap<>();
    config.put("kubernetes.master", emulator.url());
    config.put("kubernetes.auth.tryKubeConfig", "false");
    config.put("kubernetes.auth.tryServiceAccount", "false");
    config.put("kubernetes.namespace", emulator.options().defaultNamespace());
    config.put("kubernetes.trust.certificates", "true");
    config.put("kubernetes.auth.token", emulator.token(identity));
    config.forEach(System::setProperty);
    config.put("quarkus.kubernetes-client.devservices.enabled", "false");
    config.put(KUBE_URL_PROPERTY, emulator.url());
    return config;
  }

  @Override
  public void stop() {
    SYSTEM_PROPERTIES.forEach(System::clearProperty);
    if (emulator != null) {
      emulator.close();
      if (current == emulator) {
        current = null;
      }
      emulator = null;
    }
  }
}
