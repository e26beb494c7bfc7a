package dev.slipway.deploy.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every environment variable an overlay gives a service (Deployment or CronJob env and its envFrom
 * ConfigMaps) sets a configuration key that service reads: a key of its own {@code @ConfigMapping}
 * or of service-common's, or one of the few variables below that other code reads. A misspelt or
 * stale variable (the worker's old SLIPWAY_WORKER_TENANTS_IMAGE, a reconciler variable given to the
 * worker) is otherwise silently ignored and the service runs on its defaults.
 */
class EnvironmentKeysTest {
  /**
   * Variables the overlays set that no Slipway mapping declares, each with its reader. Quarkus and
   * MicroProfile names follow the same env-var rule; the reader validates them itself.
   */
  static final Map<String, String> KNOWN =
      Map.ofEntries(
          Map.entry("QUARKUS_SQS_AWS_REGION", "quarkus-amazon-sqs: the SQS client's region"),
          Map.entry("QUARKUS_KMS_AWS_REGION", "quarkus-amazon-kms: the token key's region"),
          Map.entry(
              "QUARKUS_DATASOURCE_JDBC_URL",
              "Quarkus datasource (the service's slipway-db-* Secret)"),
          Map.entry(
              "QUARKUS_DATASOURCE_REACTIVE_URL",
              "Quarkus datasource (the service's slipway-db-* Secret)"),
          Map.entry(
              "QUARKUS_DATASOURCE_USERNAME",
              "Quarkus datasource (the service's slipway-db-* Secret)"),
          Map.entry(
              "QUARKUS_DATASOURCE_PASSWORD",
              "Quarkus datasource (the service's slipway-db-* Secret)"),
          Map.entry("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "quarkus-logging-json"),
          Map.entry("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "SmallRye JWT: the issuer's keys"),
          Map.entry("MP_JWT_VERIFY_ISSUER", "SmallRye JWT: the expected iss claim"),
          Map.entry("JAVA_OPTS_APPEND", "the image's run-java.sh: JVM options"),
          Map.entry("MALLOC_ARENA_MAX", "glibc: malloc arenas of the JVM process"));

  /**
   * Known variables only one service reads; given to another they are stale. The API alone has JDBC
   * (it migrates with Flyway); the worker and the reconciler have none in production (pom.xml).
   */
  static final Map<String, Workloads> ONLY_FOR =
      Map.of("QUARKUS_DATASOURCE_JDBC_URL", Workloads.API);

  private static final Map<Workloads, Set<String>> KEYS = new EnumMap<>(Workloads.class);

  static synchronized Set<String> keysOf(Workloads service) {
    return KEYS.computeIfAbsent(service, s -> ConfigKeys.of(s.module, Workloads.SHARED_MODULE));
  }

  @ParameterizedTest
  @MethodSource("dev.slipway.deploy.checks.Overlays#withExamples")
  void everyVariableSetsAKeyTheServiceReads(String overlay) {
    List<HasMetadata> objects = Rendered.overlay(overlay);
    List<String> unknown = new ArrayList<>();
    Workloads.envs(objects)
        .forEach(
            (service, env) ->
                env.keySet().stream()
                    .filter(v -> !known(v, service))
                    .filter(v -> !ConfigKeys.setsAny(v, keysOf(service)))
                    .forEach(v -> unknown.add(service.workload + ": " + v)));
    assertEquals(List.of(), unknown, overlay + ": variables no key of the service matches");
  }

  static boolean known(String variable, Workloads service) {
    return KNOWN.containsKey(variable) && ONLY_FOR.getOrDefault(variable, service) == service;
  }

  /** The scan finds what the services declare, so the test above can fail. */
  @Test
  void theScanFindsEachKindOfKey() {
    Set<String> api = keysOf(Workloads.API);
    assertTrue(api.contains("slipway.api.queue-url"), "a top-level key");
    assertTrue(api.contains("slipway.api.plans.*.autoscaling.max-replicas"), "map and group");
    assertTrue(api.contains("slipway.fleet.domain"), "service-common's FleetConfig");
    Set<String> worker = keysOf(Workloads.WORKER);
    assertTrue(worker.contains("slipway.worker.consumer.shutdown-timeout"), "a nested group");
    assertTrue(keysOf(Workloads.RECONCILER).contains("slipway.reconciler.pushgateway.url"));
    assertFalse(worker.stream().anyMatch(k -> k.startsWith("slipway.reconciler.")));
  }

  @Test
  void staleMisplacedOrMisspeltVariablesAreCaught() {
    Set<String> worker = keysOf(Workloads.WORKER);
    assertTrue(ConfigKeys.setsAny("SLIPWAY_FLEET_IMAGE", worker));
    assertTrue(ConfigKeys.setsAny("SLIPWAY_WORKER_CONSUMER_SHUTDOWN_TIMEOUT", worker));
    assertFalse(ConfigKeys.setsAny("SLIPWAY_WORKER_TENANTS_IMAGE", worker), "stale");
    assertFalse(ConfigKeys.setsAny("SLIPWAY_RECONCILER_PRUNE", worker), "another service's");
    assertFalse(ConfigKeys.setsAny("SLIPWAY_WORKER_CONSUMER_SHUTDOWN_TIMEOUTS", worker), "typo");
    Set<String> api = keysOf(Workloads.API);
    assertTrue(ConfigKeys.setsAny("SLIPWAY_API_PLANS_LARGE_AUTOSCALING_MAX_REPLICAS", api));
    assertFalse(ConfigKeys.setsAny("SLIPWAY_API_PLANS_LARGE_AUTOSCALING_MAXREPLICAS", api));
    assertTrue(known("QUARKUS_DATASOURCE_JDBC_URL", Workloads.API));
    assertFalse(known("QUARKUS_DATASOURCE_JDBC_URL", Workloads.WORKER), "no JDBC in the worker");
    assertTrue(known("QUARKUS_DATASOURCE_REACTIVE_URL", Workloads.RECONCILER));
  }
}
