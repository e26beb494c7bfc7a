package dev.slipway.deploy.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sizing per environment (docs/deploy.md, "Which overlay"): Slipway's pods and replicas grow from
 * dev through staging to prod, every pod fits one of seed 000's nodes, dev fits on one with room
 * for tenants, and the default tenant plan stays within seed 000's gateway limits.
 */
class OverlaySizingTest {
  /** Seed 000's node, t3.small: what it offers pods (api-service's CapacityConfig defaults). */
  private static final BigDecimal NODE_CPU = amount("1930m");

  private static final BigDecimal NODE_MEMORY = amount("1450Mi");

  /** Seed 000's gateway container limits. */
  private static final BigDecimal GATEWAY_CPU_LIMIT = amount("250m");

  private static final BigDecimal GATEWAY_MEMORY_LIMIT = amount("256Mi");
  private static final List<String> ORDER = List.of("dev", "staging", "prod");

  @Test
  void theOverlaysAreDevStagingAndProd() {
    assertEquals(ORDER.stream().sorted().toList(), Overlays.names());
  }

  @Test
  void slipwaysPodsGrowFromDevToProd() {
    for (String workload : List.of("api-service", "provisioner-worker", "reconciler")) {
      assertGrows(workload + " cpu", o -> request(container(o, workload), "cpu"));
      assertGrows(workload + " memory", o -> request(container(o, workload), "memory"));
    }
    assertGrows(
        "api replicas", o -> BigDecimal.valueOf(deployment(o, "api-service").getReplicas()));
    assertGrows("worker minimum", o -> BigDecimal.valueOf(WorkerScaling.of(o).min()));
    assertGrows("worker maximum", o -> BigDecimal.valueOf(WorkerScaling.of(o).max()));
  }

  @ParameterizedTest
  @MethodSource("dev.slipway.deploy.checks.Overlays#names")
  void everyPodFitsASeed000NodeWithMemoryLimitedToItsRequest(String overlay) {
    for (String workload : List.of("api-service", "provisioner-worker", "reconciler")) {
      Container c = container(overlay, workload);
      String id = overlay + " " + workload;
      assertEquals(request(c, "memory"), amount(c.getResources().getLimits().get("memory")), id);
      assertTrue(request(c, "memory").compareTo(NODE_MEMORY) <= 0, id + " memory fits a node");
      assertTrue(request(c, "cpu").compareTo(NODE_CPU) <= 0, id + " cpu fits a node");
    }
  }

  @Test
  void devFitsOneSeed000NodeWithRoomForFourDefaultPlanTenants() {
    BigDecimal api = BigDecimal.valueOf(deployment("dev", "api-service").getReplicas());
    BigDecimal workers = BigDecimal.valueOf(WorkerScaling.of("dev").min());
    TenantPlans plans = TenantPlans.resolve(apiEnv("dev"));
    BigDecimal tenants = BigDecimal.valueOf(4 * plans.maxReplicas(plans.defaultPlan()));
    for (String resource : List.of("cpu", "memory")) {
      BigDecimal total =
          request(container("dev", "api-service"), resource)
              .multiply(api)
              .add(request(container("dev", "provisioner-worker"), resource).multiply(workers))
              .add(request(container("dev", "reconciler"), resource))
              .add(
                  amount(plans.get(plans.defaultPlan(), resource + "-request").orElseThrow())
                      .multiply(tenants));
      BigDecimal node = resource.equals("cpu") ? NODE_CPU : NODE_MEMORY;
      assertTrue(total.compareTo(node) <= 0, "dev " + resource + " " + total + " > " + node);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.slipway.deploy.checks.Overlays#names")
  void theDefaultTenantPlanIsSetAndWithinSeed000sGatewayLimits(String overlay) {
    Map<String, String> env = apiEnv(overlay);
    assertTrue(env.containsKey("SLIPWAY_API_DEFAULT_PLAN"), overlay + " names its default plan");
    TenantPlans plans = TenantPlans.resolve(env);
    String plan = plans.defaultPlan();
    String cpu = plans.get(plan, "cpu-limit").orElseThrow(() -> new AssertionError(plan));
    String memory = plans.get(plan, "memory-limit").orElseThrow();
    assertTrue(amount(cpu).compareTo(GATEWAY_CPU_LIMIT) <= 0, overlay + " " + plan + " " + cpu);
    assertTrue(amount(memory).compareTo(GATEWAY_MEMORY_LIMIT) <= 0, overlay + " " + memory);
    // Scheduling needs the request to fit a node (the large plan's 2Gi limit does not: it can
    // burst that far on bigger nodes only).
    for (String p : plans.plans()) {
      String request = plans.get(p, "memory-request").orElseThrow();
      assertTrue(amount(request).compareTo(NODE_MEMORY) <= 0, overlay + " plan " + p + " fits");
    }
  }

  @Test
  void tenantPlansReachFewerReplicasOnSmallerEnvironments() {
    assertGrows("largest tenant", o -> BigDecimal.valueOf(largestTenant(o)));
    assertTrue(largestTenant("dev") <= 2, "dev: at most two gateway replicas a tenant");
    assertTrue(
        apiEnv("prod").keySet().stream().noneMatch(k -> k.startsWith("SLIPWAY_API_PLANS_")),
        "prod runs the shipped catalogue");
  }

  private static int largestTenant(String overlay) {
    TenantPlans plans = TenantPlans.resolve(apiEnv(overlay));
    return StreamSupport.stream(plans.plans().spliterator(), false)
        .mapToInt(plans::maxReplicas)
        .max()
        .orElseThrow();
  }

  /** dev <= staging <= prod, and dev < prod. */
  private static void assertGrows(String what, Function<String, BigDecimal> value) {
    List<BigDecimal> v = ORDER.stream().map(value).toList();
    assertTrue(
        v.get(0).compareTo(v.get(1)) <= 0 && v.get(1).compareTo(v.get(2)) <= 0,
        what + " dev/staging/prod " + v);
    assertTrue(v.get(0).compareTo(v.get(2)) < 0, what + " dev < prod " + v);
  }

  static Map<String, String> apiEnv(String overlay) {
    List<HasMetadata> objects = Rendered.overlay(overlay);
    return Env.of(objects, deployment(overlay, "api-service").getTemplate().getSpec());
  }

  private static io.fabric8.kubernetes.api.model.apps.DeploymentSpec deployment(
      String overlay, String name) {
    return Rendered.named(Rendered.overlay(overlay), Deployment.class, name).getSpec();
  }

  private static Container container(String overlay, String workload) {
    if (workload.equals("reconciler")) {
      CronJob cj = Rendered.named(Rendered.overlay(overlay), CronJob.class, workload);
      return cj.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().get(0);
    }
    return deployment(overlay, workload).getTemplate().getSpec().getContainers().get(0);
  }

  private static BigDecimal request(Container c, String resource) {
    return amount(c.getResources().getRequests().get(resource));
  }

  private static BigDecimal amount(Quantity q) {
    return Quantity.getAmountInBytes(q);
  }

  private static BigDecimal amount(String quantity) {
    return amount(new Quantity(quantity));
  }
}
