package dev.slipway.worker.bench;

import dev.slipway.worker.config.WorkerConfig;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.smallrye.config.WithDefault;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The worker settings P3 measures (issue 26: every figure as shipped). {@code -Dbench.variant}:
 * {@code shipped} (the default) undoes the test profile's consumer and retry overrides
 * (application.properties, {@code %test.}) with WorkerConfig's own defaults, read from its
 * {@code @WithDefault}s, which are what the dev overlay runs (it sets none of these keys); {@code
 * tuned} is the budget issue 8's figures used (16 workers, 100 held, no client-side request limit).
 * A key also given as a system property ({@code -Dslipway.worker....}) keeps that value.
 */
public final class BurstSettings implements QuarkusTestProfile {
  static final String VARIANT = System.getProperty("bench.variant", "shipped");

  @Override
  public Map<String, String> getConfigOverrides() {
    Map<String, String> out = new LinkedHashMap<>();
    String c = "slipway.worker.consumer.";
    for (String key :
        new String[] {
          "receivers",
          "workers",
          "maxInFlight",
          "waitTime",
          "heartbeatInterval",
          "heartbeatExtension",
          "shutdownTimeout"
        }) {
      out.put(c + kebab(key), shipped(WorkerConfig.Consumer.class, key));
    }
    out.put(
        "slipway.worker.kubernetes.retry-backoff-limit",
        shipped(WorkerConfig.Kubernetes.class, "retryBackoffLimit"));
    out.put(
        "slipway.worker.queue-metrics-interval",
        shipped(WorkerConfig.class, "queueMetricsInterval"));
    out.put("slipway.worker.retry.base-delay", shipped(WorkerConfig.Retry.class, "baseDelay"));
    out.put("slipway.worker.retry.max-delay", shipped(WorkerConfig.Retry.class, "maxDelay"));
    out.put("slipway.worker.retry.max-attempts", shipped(WorkerConfig.Retry.class, "maxAttempts"));
    out.put(
        "slipway.worker.status.retry-interval",
        shipped(WorkerConfig.Status.class, "retryInterval"));
    switch (VARIANT) {
      case "shipped" -> {}
      case "tuned" -> {
        out.put("slipway.worker.kubernetes.qps", "100000");
        out.put("slipway.worker.kubernetes.burst", "100000");
        out.put("slipway.worker.kubernetes.max-concurrent-requests", "64");
        out.put(c + "workers", "16");
        out.put(c + "max-in-flight", "100");
        out.put(c + "heartbeat-interval", "1s");
      }
      default -> throw new IllegalArgumentException("bench.variant: shipped or tuned");
    }
    out.replaceAll((key, value) -> System.getProperty(key, value));
    return out;
  }

  /** The value WorkerConfig ships for one of its keys. */
  static String shipped(Class<?> group, String method) {
    try {
      return group.getMethod(method).getAnnotation(WithDefault.class).value();
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(group.getSimpleName() + "." + method, e);
    }
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
  }
}
