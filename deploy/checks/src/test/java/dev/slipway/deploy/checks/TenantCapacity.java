package dev.slipway.deploy.checks;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * The arithmetic behind a tenant namespace's LimitRange and ResourceQuota
 * (deploy/k8s/tenant-namespace/limits.yaml), from a plan catalogue and the namespace's tenant
 * capacity. A tenant at its largest scale runs its plan's maximum replicas plus the Deployment's
 * rolling-update surge (25 %, rounded up; the renderer keeps the default strategy), and may have
 * one cert-manager HTTP-01 solver in flight (a pod, a Service and an Ingress).
 */
final class TenantCapacity {
  static final BigDecimal SURGE = new BigDecimal("0.25");

  /** Objects of one tenant: its own, an ACME solver's, and cert-manager's Secrets. */
  static final Map<String, Integer> OBJECTS_PER_TENANT =
      Map.of(
          "count/deployments.apps", 1,
          "count/horizontalpodautoscalers.autoscaling", 1,
          "services", 2,
          "count/ingresses.networking.k8s.io", 2,
          // the token, the TLS certificate, cert-manager's next private key during issuance
          "secrets", 3);

  private final TenantPlans plans;

  TenantCapacity(TenantPlans plans) {
    this.plans = plans;
  }

  /** Gateway pods of a tenant of this plan at its largest scale, during a rollout. */
  int gatewayPods(String plan) {
    int replicas = plans.maxReplicas(plan);
    return replicas
        + BigDecimal.valueOf(replicas).multiply(SURGE).setScale(0, RoundingMode.CEILING).intValue();
  }

  /** A container value of a plan, e.g. {@code cpu-limit}, as a number (cores, bytes). */
  BigDecimal value(String plan, String key) {
    return amount(plans.get(plan, key).orElseThrow(() -> new AssertionError(plan + " " + key)));
  }

  /** The largest of a container value over all plans. */
  BigDecimal largest(String key) {
    return names().map(p -> value(p, key)).max(Comparator.naturalOrder()).orElseThrow();
  }

  /** The plan with the smallest limits (both CPU and memory, or the catalogue is ambiguous). */
  String smallestPlan() {
    String byCpu = names().min(Comparator.comparing(p -> value(p, "cpu-limit"))).orElseThrow();
    String byMemory =
        names().min(Comparator.comparing(p -> value(p, "memory-limit"))).orElseThrow();
    if (!byCpu.equals(byMemory)) {
      throw new AssertionError("no smallest plan: " + byCpu + " vs " + byMemory);
    }
    return byCpu;
  }

  /** What a namespace of {@code tenants} tenants needs, quota key by quota key. */
  Map<String, BigDecimal> quota(int tenants) {
    BigDecimal n = BigDecimal.valueOf(tenants);
    Map<String, BigDecimal> hard = new LinkedHashMap<>();
    for (String resource : new String[] {"cpu", "memory"}) {
      for (String kind : new String[] {"request", "limit"}) {
        String key = resource + "-" + kind;
        BigDecimal perTenant =
            names()
                .map(p -> value(p, key).multiply(BigDecimal.valueOf(gatewayPods(p))))
                .max(Comparator.naturalOrder())
                .orElseThrow();
        hard.put(kind + "s." + resource, perTenant.multiply(n));
      }
    }
    int pods = names().mapToInt(this::gatewayPods).max().orElseThrow() + 1;
    hard.put("pods", n.multiply(BigDecimal.valueOf(pods)));
    OBJECTS_PER_TENANT.forEach((k, v) -> hard.put(k, n.multiply(BigDecimal.valueOf(v))));
    for (String none :
        new String[] {"persistentvolumeclaims", "services.nodeports", "services.loadbalancers"}) {
      hard.put(none, BigDecimal.ZERO);
    }
    return hard;
  }

  private java.util.stream.Stream<String> names() {
    return StreamSupport.stream(plans.plans().spliterator(), false);
  }

  static BigDecimal amount(String quantity) {
    return amount(new Quantity(quantity));
  }

  static BigDecimal amount(Quantity quantity) {
    return Quantity.getAmountInBytes(quantity);
  }
}
