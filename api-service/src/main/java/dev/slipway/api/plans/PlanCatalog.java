package dev.slipway.api.plans;

import dev.slipway.api.config.ApiConfig;
import dev.slipway.api.config.PlanConfig;
import dev.slipway.api.config.PlanGatewayConfig;
import dev.slipway.api.http.ApiException;
import dev.slipway.common.model.Autoscaling;
import dev.slipway.common.model.GatewayConfig;
import dev.slipway.common.model.Resources;
import dev.slipway.common.model.Sizing;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The plan catalogue from configuration, checked once at start: a plan with an impossible size or a
 * default plan that does not exist stops the service from starting, rather than failing the first
 * tenant that uses it.
 */
@Startup
@ApplicationScoped
public class PlanCatalog {
  private final Map<String, Plan> plans = new TreeMap<>();
  private final Plan defaultPlan;

  PlanCatalog(ApiConfig config) {
    config.plans().forEach((name, plan) -> plans.put(name, toPlan(name, plan)));
    defaultPlan = plans.get(config.defaultPlan());
    if (defaultPlan == null) {
      throw new IllegalStateException(
          "slipway.api.default-plan '"
              + config.defaultPlan()
              + "' is not in the catalogue "
              + plans.keySet());
    }
  }

  /** Every plan, by name. */
  public List<Plan> all() {
    return List.copyOf(plans.values());
  }

  public Plan defaultPlan() {
    return defaultPlan;
  }

  public Optional<Plan> find(String name) {
    return Optional.ofNullable(plans.get(name));
  }

  /** The named plan; a 422 on the {@code plan} field naming the plans there are. */
  public Plan require(String name) {
    Plan plan = plans.get(name);
    if (plan == null) {
      throw ApiException.invalidField(
          "plan", "unknown plan '" + name + "'; plans are " + String.join(", ", plans.keySet()));
    }
    return plan;
  }

  private static Plan toPlan(String name, PlanConfig config) {
    try {
      Resources resources =
          new Resources(
              config.cpuRequest(), config.memoryRequest(), config.cpuLimit(), config.memoryLimit());
      Autoscaling autoscaling =
          config
              .autoscaling()
              .map(a -> new Autoscaling(a.minReplicas(), a.maxReplicas(), a.cpuTargetPercent()))
              .orElse(null);
      PlanGatewayConfig g = config.gateway();
      GatewayConfig gateway =
          new GatewayConfig(
              "", g.maxConnections(), g.requestsPerSecond(), g.burst(), g.maxQueueSize());
      return new Plan(
          name,
          config.description(),
          new Sizing(name, config.replicas(), resources, autoscaling),
          gateway);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "slipway.api.plans." + name + " is invalid: " + e.getMessage(), e);
    }
  }
}
