package dev.slipway.api.rollouts.planning;

import dev.slipway.api.audit.OpsAudit;
import dev.slipway.api.config.ApiConfig;
import dev.slipway.api.config.RolloutConfig;
import dev.slipway.api.http.ApiException;
import dev.slipway.api.plans.PlanCatalog;
import dev.slipway.api.tenants.GatewayOverrides;
import dev.slipway.common.model.ImageVersions;
import dev.slipway.shared.fleet.FleetConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates a rollout request into a {@link RolloutSpec}: every problem is a 422 naming the field
 * (e.g. {@code selector}, {@code strategy.waves}); the waves are checked against the selection
 * later ({@link WavePlan}), once it is known.
 */
@ApplicationScoped
public class RequestCheck {
  private static final Set<String> GATEWAY_FIELDS =
      Set.of("maxConnections", "requestsPerSecond", "burst", "maxQueueSize");
  private static final Pattern LABEL_NAME =
      Pattern.compile(
          "([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
  private static final Pattern LABEL_VALUE =
      Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private final PlanCatalog plans;
  private final FleetConfig fleet;
  private final RolloutConfig config;

  RequestCheck(PlanCatalog plans, FleetConfig fleet, ApiConfig config) {
    this.plans = plans;
    this.fleet = fleet;
    this.config = config.rollouts();
  }

  public RolloutSpec check(RolloutRequest r) {
    if (r == null) {
      throw ApiException.badRequest("request body is required");
    }
    RolloutTarget target = target(r.target());
    RolloutSelector selector = selector(r.selector());
    RolloutStrategy strategy = strategy(r.strategy());
    String reason = OpsAudit.requireReason(r.reason());
    if (reason.indexOf('\u0000') >= 0) {
      throw ApiException.invalidField("reason", "reason must not contain NUL characters");
    }
    return new RolloutSpec(target, selector, strategy, reason, Boolean.TRUE.equals(r.dryRun()));
  }

  private RolloutTarget target(RolloutRequest.Target t) {
    if (t == null) {
      throw ApiException.invalidField(
          "target", "target is required: imageVersion, gatewayConfig, plan or action");
    }
    if (t.action() != null) {
      return BulkAction.target(t, plans);
    }
    int given =
        (t.imageVersion() != null ? 1 : 0)
            + (t.gatewayConfig() != null ? 1 : 0)
            + (t.plan() != null ? 1 : 0);
    if (given != 1) {
      throw ApiException.invalidField(
          "target", "target must give exactly one of imageVersion, gatewayConfig, plan");
    }
    if (t.imageVersion() != null) {
      ImageVersions.problem(t.imageVersion())
          .ifPresent(
              p -> {
                throw ApiException.invalidField("target.imageVersion", p);
              });
      if (t.imageVersion().isBlank()) {
        throw ApiException.invalidField("target.imageVersion", "imageVersion must not be blank");
      }
    }
    if (t.plan() != null && plans.find(t.plan()).isEmpty()) {
      throw ApiException.invalidField("target.plan", "unknown plan '" + t.plan() + "'");
    }
    return new RolloutTarget(t.imageVersion(), gateway(t.gatewayConfig()), t.plan());
  }

  private static Map<String, Integer> gateway(Map<String, Object> patch) {
    if (patch == null) {
      return null;
    }
    if (patch.isEmpty()) {
      throw ApiException.invalidField("target.gatewayConfig", "gatewayConfig patches nothing");
    }
    Map<String, Integer> out = new LinkedHashMap<>();
    patch.forEach(
        (k, v) -> {
          String field = "target.gatewayConfig." + k;
          if (!GATEWAY_FIELDS.contains(k)) {
            throw ApiException.invalidField(field, "gatewayConfig may set only " + GATEWAY_FIELDS);
          }
          if (!(v instanceof Integer n) || n < 1 || n > GatewayOverrides.MAX) {
            throw ApiException.invalidField(
                field, k + " must be a whole number between 1 and " + GatewayOverrides.MAX);
          }
          out.put(k, n);
        });
    return out;
  }

  private RolloutSelector selector(RolloutRequest.Selector s) {
    List<String> planNames = s == null || s.plans() == null ? List.of() : s.plans();
    List<String> namespaces = s == null || s.namespaces() == null ? List.of() : s.namespaces();
    Map<String, String> labels = s == null || s.labels() == null ? Map.of() : s.labels();
    List<String> slugs = s == null || s.slugs() == null ? List.of() : s.slugs();
    if (planNames.isEmpty() && namespaces.isEmpty() && labels.isEmpty() && slugs.isEmpty()) {
      throw ApiException.invalidField(
          "selector", "selector is empty: give plans, namespaces, labels or slugs");
    }
    for (String p : planNames) {
      if (p == null || plans.find(p).isEmpty()) {
        throw ApiException.invalidField("selector.plans", "unknown plan '" + p + "'");
      }
    }
    List<String> known = fleet.checkedNamespaces();
    for (String n : namespaces) {
      if (!known.contains(n)) {
        throw ApiException.invalidField(
            "selector.namespaces", "'" + n + "' is not a tenant namespace; they are " + known);
      }
    }
    labels.forEach(
        (k, v) -> {
          if (k == null
              || !LABEL_NAME.matcher(k).matches()
              || v == null
              || !LABEL_VALUE.matcher(v).matches()) {
            throw ApiException.invalidField(
                "selector.labels", "'" + k + "=" + v + "' is not a valid Kubernetes label");
          }
        });
    for (String slug : slugs) {
      if (slug == null || !SLUG.matcher(slug).matches()) {
        throw ApiException.invalidField(
            "selector.slugs", "'" + slug + "' is not a tenant slug (a DNS label, 1-63 characters)");
      }
    }
    return new RolloutSelector(
        List.copyOf(planNames), List.copyOf(namespaces), Map.copyOf(labels), List.copyOf(slugs));
  }

  private RolloutStrategy strategy(RolloutRequest.Strategy s) {
    if (s == null) {
      throw ApiException.invalidField("strategy", "strategy is required, at least its waves");
    }
    int canary = s.canary() == null ? 0 : s.canary();
    if (canary < 0) {
      throw ApiException.invalidField("strategy.canary", "canary must not be negative");
    }
    if (s.waves() == null || s.waves().isEmpty()) {
      throw ApiException.invalidField(
          "strategy.waves", "waves must list at least one wave, e.g. [\"25%\", \"100%\"]");
    }
    List<String> waves = new ArrayList<>();
    for (Object w : s.waves()) {
      if (!(w instanceof String || w instanceof Integer)) {
        throw ApiException.invalidField(
            "strategy.waves", "each wave is a share such as \"25%\" or a count such as 10");
      }
      waves.add(w.toString());
    }
    int maxParallel = s.maxParallel() == null ? config.defaultMaxParallel() : s.maxParallel();
    if (maxParallel < 1 || maxParallel > 1000) {
      throw ApiException.invalidField("strategy.maxParallel", "maxParallel must be 1 to 1000");
    }
    int maxFailures = s.maxFailures() == null ? 0 : s.maxFailures();
    if (maxFailures < 0) {
      throw ApiException.invalidField("strategy.maxFailures", "maxFailures must not be negative");
    }
    Duration day = Duration.ofDays(1);
    String bake = Durations.format(Durations.parse("strategy.bake", orElse(s.bake(), "0s"), day));
    String timeout =
        Durations.format(
            Durations.parse(
                "strategy.readyTimeout",
                orElse(s.readyTimeout(), Durations.format(config.defaultReadyTimeout())),
                day));
    if (Durations.parse("strategy.readyTimeout", timeout, day).isZero()) {
      throw ApiException.invalidField("strategy.readyTimeout", "readyTimeout must be positive");
    }
    return new RolloutStrategy(
        canary,
        List.copyOf(waves),
        maxParallel,
        bake,
        timeout,
        maxFailures,
        Boolean.TRUE.equals(s.rollbackAll()));
  }

  private static String orElse(String value, String fallback) {
    return value == null ? fallback : value;
  }
}
