package dev.slipway.deploy.checks;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.List;

/**
 * A group of settings (all variables with one prefix) that a workload takes from exactly one
 * ConfigMap, set once per overlay: the workload loads that ConfigMap, and neither another ConfigMap
 * it loads nor its own env sets a key of the group. Shared by the fleet and token-key checks.
 */
final class OneConfigMap {
  private OneConfigMap() {}

  /**
   * @param configMap the ConfigMap's name before kustomize's hash suffix
   * @param what what a key of the group is called in a failure ("a fleet key")
   */
  static void assertSoleSource(
      String overlay,
      List<HasMetadata> objects,
      Workloads service,
      PodSpec pod,
      String configMap,
      String prefix,
      String what) {
    var container = pod.getContainers().get(0);
    List<String> maps =
        container.getEnvFrom().stream()
            .map(EnvFromSource::getConfigMapRef)
            .map(ref -> ref.getName())
            .toList();
    assertTrue(
        maps.stream().anyMatch(name -> is(configMap, name)),
        overlay + ": " + service.workload + " loads " + configMap);
    for (String name : maps) {
      if (!is(configMap, name)) {
        ConfigMap map = Rendered.named(objects, ConfigMap.class, name);
        map.getData().keySet().stream()
            .filter(k -> k.startsWith(prefix))
            .forEach(k -> fail(overlay + ": " + name + " sets " + k + ", " + what));
      }
    }
    container.getEnv().stream()
        .filter(v -> v.getName().startsWith(prefix))
        .forEach(v -> fail(overlay + ": " + service.workload + " sets " + v.getName()));
  }

  /** Whether {@code name} is {@code configMap}, with or without kustomize's hash suffix. */
  static boolean is(String configMap, String name) {
    return name.equals(configMap) || name.startsWith(configMap + "-");
  }
}
