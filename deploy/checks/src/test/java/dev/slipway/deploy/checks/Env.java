package dev.slipway.deploy.checks;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A container's environment as the kubelet would build it: envFrom ConfigMaps (which must exist in
 * the rendering) then env. Secret references show as {@code secret:<name>}.
 */
final class Env {
  private Env() {}

  static Map<String, String> of(List<HasMetadata> objects, PodSpec pod) {
    Container c = pod.getContainers().get(0);
    Map<String, String> env = new HashMap<>();
    for (EnvFromSource from : c.getEnvFrom()) {
      String name = from.getConfigMapRef().getName();
      ConfigMap map = Rendered.named(objects, ConfigMap.class, name);
      env.putAll(map.getData());
    }
    for (EnvVar var : c.getEnv()) {
      if (var.getValueFrom() != null && var.getValueFrom().getSecretKeyRef() != null) {
        env.put(var.getName(), "secret:" + var.getValueFrom().getSecretKeyRef().getName());
      } else {
        env.put(var.getName(), var.getValue());
      }
    }
    return env;
  }
}
