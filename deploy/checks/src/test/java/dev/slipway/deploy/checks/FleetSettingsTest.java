package dev.slipway.deploy.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.model.Namespaces;
import dev.slipway.common.render.IngressProfile;
import dev.slipway.common.render.RenderSettings;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every service of every rendering sees the same tenant fleet (FleetConfig, {@code
 * slipway.fleet.*}): all of it set, from the one {@code slipway-fleet} ConfigMap, and usable. A
 * reconciler rendering another image or domain than the worker's reports drift on every tenant and
 * queues repairs for ever.
 */
class FleetSettingsTest {
  private static final String FLEET_CONFIG_MAP = "slipway-fleet";
  private static final String PREFIX = "SLIPWAY_FLEET_";

  /** Fleet keys whose absence is a setting of its own (no namespace closed to new tenants). */
  private static final Set<String> OPTIONAL = Set.of("SLIPWAY_FLEET_CLOSED_NAMESPACES");

  @ParameterizedTest
  @MethodSource("dev.slipway.deploy.checks.Overlays#withExamples")
  void allServicesSeeIdenticalFleetSettings(String overlay) {
    List<HasMetadata> objects = Rendered.overlay(overlay);
    Map<Workloads, Map<String, String>> envs = Workloads.envs(objects);
    assertTrue(envs.containsKey(Workloads.WORKER) && envs.containsKey(Workloads.RECONCILER));
    Map<String, String> reference = fleet(envs.get(Workloads.WORKER));
    envs.forEach(
        (service, env) ->
            assertEquals(reference, fleet(env), overlay + ": " + service.workload + "'s fleet"));
    Set<String> every =
        ConfigKeys.of(Workloads.SHARED_MODULE).stream()
            .filter(k -> k.startsWith("slipway.fleet."))
            .map(ConfigKeys::envName)
            .filter(k -> !OPTIONAL.contains(k))
            .collect(Collectors.toSet());
    assertEquals(every, reference.keySet(), overlay + ": every fleet key, set explicitly");
  }

  @ParameterizedTest
  @MethodSource("dev.slipway.deploy.checks.Overlays#withExamples")
  void theFleetComesFromItsOneConfigMapOnly(String overlay) {
    List<HasMetadata> objects = Rendered.overlay(overlay);
    for (Workloads service : Workloads.values()) {
      PodSpec pod = service.pod(objects);
      if (pod == null) {
        continue;
      }
      OneConfigMap.assertSoleSource(
          overlay, objects, service, pod, FLEET_CONFIG_MAP, PREFIX, "a fleet key");
    }
  }

  /** The values render: namespaces valid, profile known, stream timeout in range. */
  @ParameterizedTest
  @MethodSource("dev.slipway.deploy.checks.Overlays#withExamples")
  void theFleetSettingsRender(String overlay) {
    Map<String, String> fleet =
        fleet(Workloads.envs(Rendered.overlay(overlay)).get(Workloads.WORKER));
    List<String> namespaces =
        Namespaces.checked(
            "SLIPWAY_FLEET_NAMESPACES", List.of(fleet.get("SLIPWAY_FLEET_NAMESPACES").split(",")));
    RenderSettings settings =
        new RenderSettings(
            namespaces.get(0),
            fleet.get("SLIPWAY_FLEET_DOMAIN"),
            fleet.get("SLIPWAY_FLEET_IMAGE"),
            fleet.get("SLIPWAY_FLEET_INGRESS_CLASS_NAME"),
            fleet.get("SLIPWAY_FLEET_CLUSTER_ISSUER"),
            IngressProfile.of(fleet.get("SLIPWAY_FLEET_INGRESS_PROFILE")),
            (int) Durations.parse(fleet.get("SLIPWAY_FLEET_STREAM_TIMEOUT")).toSeconds(),
            fleet.get("SLIPWAY_FLEET_ALB_GROUP_NAME"));
    assertTrue(
        !settings.image().endsWith(":latest"),
        overlay + ": pin the gateway image, a floating tag changes tenants behind the reconciler");
  }

  private static Map<String, String> fleet(Map<String, String> env) {
    Map<String, String> fleet = new TreeMap<>();
    env.forEach(
        (k, v) -> {
          if (k.startsWith(PREFIX)) {
            fleet.put(k, v);
          }
        });
    return fleet;
  }
}
