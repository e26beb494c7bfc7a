package dev.slipway.deploy.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tracing export (service-common's TracingConfig, {@code slipway.tracing.*}) is set once per
 * rendering, in the {@code slipway-tracing} ConfigMap that all three services load: one trace per
 * command crosses api, worker and reconciler, so all of them export to the same collector or none
 * does. With {@code otlp} a service without an endpoint refuses to start (TracingCheck).
 */
class TracingSettingsTest {
  private static final String CONFIG_MAP = "slipway-tracing";
  private static final String PREFIX = "SLIPWAY_TRACING_";
  private static final String EXPORTER = "SLIPWAY_TRACING_EXPORTER";
  private static final String ENDPOINT = "SLIPWAY_TRACING_OTLP_ENDPOINT";

  @ParameterizedTest
  @MethodSource("dev.slipway.deploy.checks.Overlays#withExamples")
  void everyServiceExportsToTheSameCollectorOrNoneDoes(String overlay) {
    Set<List<String>> settings = new HashSet<>();
    List<String> problems = new ArrayList<>();
    Workloads.envs(Rendered.overlay(overlay))
        .forEach(
            (service, env) -> {
              problems(env).forEach(p -> problems.add(service.workload + ": " + p));
              settings.add(List.of(exporter(env), env.getOrDefault(ENDPOINT, "")));
            });
    assertEquals(List.of(), problems, overlay);
    assertEquals(1, settings.size(), overlay + ": api, worker and reconciler differ " + settings);
  }

  @ParameterizedTest
  @MethodSource("dev.slipway.deploy.checks.Overlays#withExamples")
  void theTracingSettingsComeFromTheirOneConfigMapOnly(String overlay) {
    List<HasMetadata> objects = Rendered.overlay(overlay);
    for (Workloads service : Workloads.values()) {
      PodSpec pod = service.pod(objects);
      if (pod != null) {
        OneConfigMap.assertSoleSource(
            overlay, objects, service, pod, CONFIG_MAP, PREFIX, "a tracing setting");
      }
    }
  }

  /** Production names its collector explicitly: its traces are what an incident is read from. */
  @Test
  void productionExportsItsTraces() {
    Map<String, String> env = Workloads.envs(Rendered.overlay("prod")).get(Workloads.WORKER);
    assertEquals("otlp", exporter(env));
    assertTrue(env.get(ENDPOINT).startsWith("http"), env.get(ENDPOINT));
  }

  /** The scan sees the keys, and the rule rejects what would not start. */
  @Test
  void theCheckCatchesAServiceThatWouldNotStart() {
    for (Workloads service : Workloads.values()) {
      Set<String> keys = EnvironmentKeysTest.keysOf(service);
      assertTrue(keys.contains("slipway.tracing.exporter"), service.workload);
      assertTrue(keys.contains("slipway.tracing.otlp-endpoint"), service.workload);
    }
    assertEquals(List.of(), problems(Map.of()), "off by default");
    assertEquals(List.of(), problems(Map.of(EXPORTER, "otlp", ENDPOINT, "http://c:4317")));
    assertFalse(problems(Map.of(EXPORTER, "otlp")).isEmpty(), "no endpoint");
    assertFalse(problems(Map.of(EXPORTER, "otlp", ENDPOINT, " ")).isEmpty(), "blank endpoint");
    assertFalse(problems(Map.of(EXPORTER, "jaeger")).isEmpty(), "unknown exporter");
  }

  private static String exporter(Map<String, String> env) {
    return env.getOrDefault(EXPORTER, "none").toLowerCase(java.util.Locale.ROOT);
  }

  /** Why a service with this environment would not start (TracingConfig and TracingCheck). */
  static List<String> problems(Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    String exporter = exporter(env);
    if (!exporter.equals("none") && !exporter.equals("otlp")) {
      problems.add(EXPORTER + "=" + exporter + ": none or otlp");
    }
    String endpoint = env.get(ENDPOINT);
    if (exporter.equals("otlp") && (endpoint == null || endpoint.isBlank())) {
      problems.add(ENDPOINT + " unset with otlp: the service refuses to start");
    }
    return problems;
  }
}
