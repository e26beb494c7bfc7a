package dev.slipway.deploy.checks;

import dev.slipway.common.metrics.MetricNames;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Prometheus series each {@link MetricNames} constant becomes, by its meter type (Micrometer's
 * Prometheus naming: dots to underscores, counters {@code _total}, timers {@code _seconds_*},
 * {@code _bucket} only with a percentile histogram, gauges with base unit seconds {@code
 * _seconds}). The service modules' DashboardMetricsQuarkusTest confirm the names against real
 * /q/metrics output.
 */
final class MetricCatalog {
  enum Type {
    COUNTER,
    GAUGE,
    GAUGE_SECONDS,
    TIMER,
    HISTOGRAM_TIMER
  }

  /** How each constant is registered in the services' code. */
  static final Map<String, Type> TYPES =
      Map.ofEntries(
          Map.entry("TENANTS_CREATED", Type.COUNTER),
          Map.entry("TENANTS_BY_PHASE", Type.GAUGE),
          Map.entry("TENANTS_BY_LIFECYCLE", Type.GAUGE),
          Map.entry("TENANT_PURGES", Type.COUNTER),
          Map.entry("ROLLOUTS_BY_STATUS", Type.GAUGE),
          Map.entry("ROLLOUT_TENANTS_BY_STATE", Type.GAUGE),
          Map.entry("ROLLOUTS_HALTED", Type.COUNTER),
          Map.entry("ROLLOUT_WAVE_DURATION", Type.HISTOGRAM_TIMER),
          Map.entry("CAPACITY_CPU_CORES", Type.GAUGE),
          Map.entry("CAPACITY_MEMORY_BYTES", Type.GAUGE),
          Map.entry("CAPACITY_NODES", Type.GAUGE),
          Map.entry("CAPACITY_MONTHLY_COST", Type.GAUGE),
          Map.entry("OUTBOX_PENDING", Type.GAUGE),
          Map.entry("OUTBOX_PUBLISHED", Type.COUNTER),
          Map.entry("OUTBOX_PUBLISH_FAILURES", Type.COUNTER),
          Map.entry("OUTBOX_PUBLISH_LATENCY", Type.TIMER),
          Map.entry("OUTBOX_OLDEST_PENDING_AGE", Type.GAUGE_SECONDS),
          Map.entry("OUTBOX_PUBLISH_DELAY", Type.TIMER),
          Map.entry("OUTBOX_CLEANED", Type.COUNTER),
          Map.entry("COMMANDS_RECEIVED", Type.COUNTER),
          Map.entry("COMMANDS_PROCESSED", Type.COUNTER),
          Map.entry("COMMANDS_INVALID", Type.COUNTER),
          Map.entry("COMMANDS_FORGED", Type.COUNTER),
          Map.entry("COMMAND_DURATION", Type.HISTOGRAM_TIMER),
          Map.entry("APPLY_RESULTS", Type.COUNTER),
          Map.entry("POLL_ERRORS", Type.COUNTER),
          Map.entry("STATUS_UPDATES", Type.COUNTER),
          Map.entry("STATUS_WRITES_PENDING", Type.GAUGE),
          Map.entry("TENANT_READY_LATENCY", Type.HISTOGRAM_TIMER),
          Map.entry("QUEUE_MESSAGES", Type.GAUGE),
          Map.entry("COMMANDS_IN_FLIGHT", Type.GAUGE),
          Map.entry("MESSAGES_HELD", Type.GAUGE),
          Map.entry("APPLY_DURATION", Type.HISTOGRAM_TIMER),
          Map.entry("COMMAND_RETRIES", Type.COUNTER),
          Map.entry("MESSAGE_AGE", Type.TIMER),
          Map.entry("OLDEST_HELD_MESSAGE_AGE", Type.GAUGE_SECONDS),
          Map.entry("MESSAGES_RELEASED", Type.COUNTER),
          Map.entry("RECONCILE_PASSES", Type.COUNTER),
          Map.entry("RECONCILE_PASS_DURATION", Type.TIMER),
          Map.entry("RECONCILE_DB_TENANTS", Type.GAUGE),
          Map.entry("RECONCILE_CLUSTER_DEPLOYMENTS", Type.GAUGE),
          Map.entry("RECONCILE_DRIFT", Type.GAUGE),
          Map.entry("RECONCILE_REPAIRS", Type.COUNTER),
          Map.entry("RECONCILE_REPAIRS_DEFERRED", Type.GAUGE),
          Map.entry("RECONCILE_FROZEN_NOT_REPAIRED", Type.GAUGE),
          Map.entry("RECONCILE_REPAIRS_BACKOFF", Type.GAUGE),
          Map.entry("RECONCILE_REPAIR_ERRORS", Type.COUNTER),
          Map.entry("RECONCILE_ORPHANS", Type.GAUGE),
          Map.entry("RECONCILE_LOST_MESSAGES", Type.GAUGE),
          Map.entry("RECONCILE_PRUNE_REFUSED", Type.GAUGE),
          Map.entry("RECONCILE_API_CALLS", Type.GAUGE),
          Map.entry("RECONCILE_LAST_SUCCESS", Type.GAUGE),
          Map.entry("DEAD_LETTERS_REPLAYED", Type.COUNTER),
          Map.entry("DEAD_LETTERS_SKIPPED", Type.COUNTER),
          Map.entry("DEAD_LETTERS_PURGED", Type.COUNTER),
          Map.entry("KUBE_FORBIDDEN", Type.COUNTER),
          Map.entry("KUBE_THROTTLED", Type.COUNTER),
          Map.entry("KUBE_IN_DOUBT", Type.COUNTER));

  /** Standard series of Quarkus (HTTP server, JVM, process) used by dashboards. */
  static final Set<String> STANDARD =
      Set.of(
          "http_server_requests_seconds_count",
          "http_server_requests_seconds_sum",
          "http_server_requests_seconds_max",
          "jvm_memory_used_bytes",
          "process_cpu_usage");

  /** Series from Prometheus itself and kube-state-metrics (the CronJob's last success). */
  static final Set<String> EXTERNAL = Set.of("up", "kube_cronjob_status_last_successful_time");

  private MetricCatalog() {}

  /** Constant field name to its dotted Micrometer name, for every metric in MetricNames. */
  static Map<String, String> constants() {
    Map<String, String> out = new TreeMap<>();
    for (Field f : MetricNames.class.getDeclaredFields()) {
      int m = f.getModifiers();
      if (Modifier.isStatic(m)
          && Modifier.isPublic(m)
          && f.getType() == String.class
          && !f.getName().startsWith("TAG_")) {
        try {
          out.put(f.getName(), (String) f.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return out;
  }

  /** Every Prometheus series name Slipway's own meters produce. */
  static Set<String> slipwaySeries() {
    Set<String> out = new TreeSet<>();
    constants()
        .forEach(
            (field, dotted) -> {
              Type type = TYPES.get(field);
              if (type == null) {
                throw new AssertionError("MetricCatalog.TYPES lacks MetricNames." + field);
              }
              out.addAll(series(dotted.replace('.', '_'), type));
            });
    return out;
  }

  static Set<String> series(String base, Type type) {
    return switch (type) {
      case COUNTER -> Set.of(base + "_total");
      case GAUGE -> Set.of(base);
      case GAUGE_SECONDS -> Set.of(base + "_seconds");
      case TIMER -> Set.of(base + "_seconds_count", base + "_seconds_sum", base + "_seconds_max");
      case HISTOGRAM_TIMER ->
          Set.of(
              base + "_seconds_count",
              base + "_seconds_sum",
              base + "_seconds_max",
              base + "_seconds_bucket");
    };
  }
}
