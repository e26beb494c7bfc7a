package dev.slipway.deploy.checks;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The api-service's plan catalogue as a deployment sees it: application.properties (no profile)
 * overridden by the container's environment, names matched the MicroProfile Config way ({@code
 * slipway.api.plans.large.cpu-limit} is {@code SLIPWAY_API_PLANS_LARGE_CPU_LIMIT}).
 */
final class TenantPlans {
  static final String PROPERTIES = "api-service/src/main/resources/application.properties";
  private static final String PLANS = "slipway.api.plans.";
  private static final String DEFAULT_PLAN = "slipway.api.default-plan";

  private final Map<String, String> config;

  private TenantPlans(Map<String, String> config) {
    this.config = config;
  }

  /** The catalogue with {@code env} applied; an env key naming no known property fails. */
  static TenantPlans resolve(Map<String, String> env) {
    Map<String, String> config = shipped();
    config.putIfAbsent(DEFAULT_PLAN, "small"); // ApiConfig's @WithDefault
    Map<String, String> byEnvName = new HashMap<>();
    config.keySet().forEach(k -> byEnvName.put(envName(k), k));
    env.forEach(
        (key, value) -> {
          if (key.startsWith("SLIPWAY_API_PLANS_") || key.equals(envName(DEFAULT_PLAN))) {
            String property = byEnvName.get(key);
            if (property == null) {
              throw new AssertionError(key + " sets no slipway.api.plans property");
            }
            config.put(property, value);
          }
        });
    return new TenantPlans(config);
  }

  String defaultPlan() {
    return config.get(DEFAULT_PLAN);
  }

  /** A plan's setting, e.g. {@code cpu-limit} or {@code autoscaling.max-replicas}. */
  Optional<String> get(String plan, String key) {
    return Optional.ofNullable(config.get(PLANS + plan + "." + key));
  }

  /** Gateway replicas a tenant of this plan may reach: autoscaling maximum, else replicas. */
  int maxReplicas(String plan) {
    return Integer.parseInt(
        get(plan, "autoscaling.max-replicas").orElse(get(plan, "replicas").orElse("1")));
  }

  Iterable<String> plans() {
    TreeMap<String, Boolean> names = new TreeMap<>();
    config.keySet().stream()
        .filter(k -> k.startsWith(PLANS))
        .forEach(k -> names.put(k.substring(PLANS.length(), k.indexOf('.', PLANS.length())), true));
    return names.keySet();
  }

  static String envName(String property) {
    return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
  }

  private static Map<String, String> shipped() {
    Properties p = new Properties();
    try {
      p.load(new StringReader(Repo.read(PROPERTIES)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> config = new HashMap<>();
    p.stringPropertyNames().stream()
        .filter(k -> !k.startsWith("%"))
        .forEach(k -> config.put(k, p.getProperty(k)));
    return config;
  }
}
