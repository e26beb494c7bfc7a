package dev.slipway.local;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One overlay of deploy/k8s as committed in deploy/k8s/rendered/OVERLAY.yaml (written by
 * deploy/k8s/render; deploy/checks proves it equals {@code kubectl kustomize}), so the local stack
 * runs each service with the environment its pod would get, without kustomize at run time.
 */
public final class RenderedOverlay {
  private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
  private final String name;
  private final List<HasMetadata> objects;

  private RenderedOverlay(String name, List<HasMetadata> objects) {
    this.name = name;
    this.objects = objects;
  }

  /** Reads {@code deploy/k8s/rendered/<overlay>.yaml} under the repository root. */
  public static RenderedOverlay read(Path repoRoot, String overlay) {
    Path file = repoRoot.resolve("deploy/k8s/rendered").resolve(overlay + ".yaml");
    try {
      return parse(overlay, Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the rendered overlay " + file, e);
    }
  }

  static RenderedOverlay parse(String overlay, String yaml) {
    KubernetesSerialization serialization = new KubernetesSerialization();
    List<HasMetadata> objects = new ArrayList<>();
    for (String document : DOCUMENT_SEPARATOR.split(yaml)) {
      if (!document.isBlank()
          && serialization.unmarshal(document, KubernetesResource.class)
              instanceof HasMetadata object) {
        objects.add(object);
      }
    }
    return new RenderedOverlay(overlay, List.copyOf(objects));
  }

  /** The overlay's name (dev, staging, prod...). */
  public String name() {
    return name;
  }

  /** Every object of the rendering. */
  public List<HasMetadata> objects() {
    return objects;
  }

  /**
   * The environment of the service's container with literal values: its envFrom ConfigMaps in
   * order, then its env entries. Entries taken from a Secret are left out (see {@link
   * #secretVariables}).
   */
  public Map<String, String> env(LocalService service) {
    Container container = container(service);
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvFromSource from : container.getEnvFrom()) {
      if (from.getConfigMapRef() != null) {
        env.putAll(configMap(from.getConfigMapRef().getName()).getData());
      }
    }
    for (EnvVar var : container.getEnv()) {
      if (var.getValueFrom() == null) {
        env.put(var.getName(), var.getValue());
      }
    }
    return env;
  }

  /**
   * The memory limit of the service's container in bytes: what the JVM in the pod reads from its
   * cgroup and sizes its heap from (JAVA_OPTS_APPEND gives the percentage).
   */
  public long memoryLimitBytes(LocalService service) {
    var resources = container(service).getResources();
    Quantity limit =
        resources == null || resources.getLimits() == null
            ? null
            : resources.getLimits().get("memory");
    if (limit == null) {
      throw new IllegalStateException(
          "overlay " + name + " sets no memory limit for " + service.workload());
    }
    return Quantity.getAmountInBytes(limit).longValueExact();
  }

  /** Names of the variables the service's pod takes from Secrets (credentials). */
  public Set<String> secretVariables(LocalService service) {
    Set<String> names = new TreeSet<>();
    for (EnvVar var : container(service).getEnv()) {
      if (var.getValueFrom() != null && var.getValueFrom().getSecretKeyRef() != null) {
        names.add(var.getName());
      }
    }
    return names;
  }

  /** True when the overlay runs the service at all (prod may run its API elsewhere). */
  public boolean runs(LocalService service) {
    return pod(service) != null;
  }

  private Container container(LocalService service) {
    PodSpec pod = pod(service);
    if (pod == null) {
      throw new IllegalStateException(
          "overlay " + name + " has no workload of " + service.module() + " (" + service + ")");
    }
    return pod.getContainers().get(0);
  }

  private PodSpec pod(LocalService service) {
    for (HasMetadata object : objects) {
      if (!service.workload().equals(object.getMetadata().getName())) {
        continue;
      }
      if (object instanceof Deployment d) {
        return d.getSpec().getTemplate().getSpec();
      }
      if (object instanceof CronJob c) {
        return c.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
      }
    }
    return null;
  }

  private ConfigMap configMap(String configMapName) {
    return objects.stream()
        .filter(ConfigMap.class::isInstance)
        .map(ConfigMap.class::cast)
        .filter(m -> configMapName.equals(m.getMetadata().getName()))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "overlay " + name + " has no ConfigMap " + configMapName));
  }
}
