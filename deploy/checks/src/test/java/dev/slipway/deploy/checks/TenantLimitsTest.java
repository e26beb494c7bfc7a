package dev.slipway.deploy.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.LimitRangeItem;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A tenant namespace's LimitRange and ResourceQuota (issue 22) against the plan catalogue in
 * api-service's application.properties: the template is sized exactly from the shipped plans
 * ({@link TenantCapacity} holds the arithmetic), and every overlay's tenant namespaces hold every
 * tenant its own plans allow.
 */
class TenantLimitsTest {
  private static final String RENDERED = "deploy/k8s/rendered/tenant-namespace.yaml";
  private static final String CAPACITY = "slipway.dev/tenant-capacity";

  private static final List<HasMetadata> TEMPLATE = Rendered.parse(Repo.read(RENDERED));
  private static final TenantPlans SHIPPED = TenantPlans.resolve(Map.of());

  @Test
  void noContainerMayExceedTheLargestPlanAndDefaultsAreTheSmallest() {
    TenantCapacity capacity = new TenantCapacity(SHIPPED);
    LimitRangeItem bounds = containerBounds(TEMPLATE, "tenants");
    assertSameAmount(capacity.largest("cpu-limit"), amount(bounds.getMax(), "cpu"));
    assertSameAmount(capacity.largest("memory-limit"), amount(bounds.getMax(), "memory"));
    String smallest = capacity.smallestPlan();
    assertEquals("small", smallest, "the shipped catalogue's smallest plan");
    for (String resource : List.of("cpu", "memory")) {
      assertSameAmount(
          capacity.value(smallest, resource + "-request"),
          amount(bounds.getDefaultRequest(), resource));
      assertSameAmount(
          capacity.value(smallest, resource + "-limit"), amount(bounds.getDefault(), resource));
    }
  }

  @Test
  void theQuotaIsTheNamespacesCapacityAtTheLargestPlan() {
    ResourceQuota quota = quota(TEMPLATE, "tenants");
    int tenants = Integer.parseInt(quota.getMetadata().getAnnotations().get(CAPACITY));
    Map<String, BigDecimal> expected = new TenantCapacity(SHIPPED).quota(tenants);
    assertEquals(sorted(expected), sorted(hard(quota)), "quota of " + tenants + " tenants");
  }

  /** Every plan fits the bounds of every tenant namespace, and a full namespace its quota. */
  @ParameterizedTest
  @MethodSource("dev.slipway.deploy.checks.Overlays#names")
  void everyOverlaysTenantNamespacesHoldTheirPlans(String overlay) {
    List<HasMetadata> objects = Rendered.overlay(overlay);
    TenantPlans plans = TenantPlans.resolve(OverlaySizingTest.apiEnv(overlay));
    TenantCapacity capacity = new TenantCapacity(plans);
    for (String namespace : RbacRules.tenantNamespaces(objects)) {
      String id = overlay + " " + namespace;
      LimitRangeItem bounds = containerBounds(objects, namespace);
      for (String plan : plans.plans()) {
        for (String resource : List.of("cpu", "memory")) {
          BigDecimal limit = capacity.value(plan, resource + "-limit");
          assertTrue(
              limit.compareTo(amount(bounds.getMax(), resource)) <= 0, id + " " + plan + " fits");
          assertTrue(
              capacity.value(plan, resource + "-request").compareTo(limit) <= 0,
              id + " " + plan + " request <= limit");
        }
      }
      ResourceQuota quota = quota(objects, namespace);
      int tenants = Integer.parseInt(quota.getMetadata().getAnnotations().get(CAPACITY));
      Map<String, BigDecimal> hard = hard(quota);
      capacity
          .quota(tenants)
          .forEach(
              (key, needed) -> {
                BigDecimal have = hard.get(key);
                assertTrue(
                    have != null && needed.compareTo(have) <= 0,
                    id + " " + key + ": needs " + needed + ", quota " + have);
              });
    }
  }

  private static LimitRangeItem containerBounds(List<HasMetadata> objects, String namespace) {
    return Rendered.ofType(objects, LimitRange.class).stream()
        .filter(l -> namespace.equals(l.getMetadata().getNamespace()))
        .flatMap(l -> l.getSpec().getLimits().stream())
        .filter(i -> "Container".equals(i.getType()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no container LimitRange in " + namespace));
  }

  private static ResourceQuota quota(List<HasMetadata> objects, String namespace) {
    List<ResourceQuota> quotas =
        Rendered.ofType(objects, ResourceQuota.class).stream()
            .filter(q -> namespace.equals(q.getMetadata().getNamespace()))
            .toList();
    assertEquals(1, quotas.size(), "one ResourceQuota in " + namespace);
    return quotas.get(0);
  }

  private static Map<String, BigDecimal> hard(ResourceQuota quota) {
    Map<String, BigDecimal> hard = new TreeMap<>();
    quota.getSpec().getHard().forEach((k, v) -> hard.put(k, TenantCapacity.amount(v)));
    return hard;
  }

  /** Stripped of trailing zeros, so 13000 and 1.3E+4 compare equal in the message too. */
  private static Map<String, String> sorted(Map<String, BigDecimal> values) {
    Map<String, String> out = new TreeMap<>();
    values.forEach((k, v) -> out.put(k, v.stripTrailingZeros().toPlainString()));
    return out;
  }

  /** By value: {@code 1} and {@code 1000m} are the same CPU. */
  private static void assertSameAmount(BigDecimal expected, BigDecimal actual) {
    assertEquals(0, expected.compareTo(actual), expected + " vs " + actual);
  }

  private static BigDecimal amount(Map<String, Quantity> values, String resource) {
    Quantity q = values == null ? null : values.get(resource);
    if (q == null) {
      throw new AssertionError("no " + resource + " in " + values);
    }
    return TenantCapacity.amount(q);
  }
}
