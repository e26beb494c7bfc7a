package dev.slipway.deploy.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Namespace sharding (issue 10): every tenant namespace of a rendering is one the three services
 * list, in the same order, and each gives the worker and the reconciler the same rights; the
 * example {@code deploy/k8s/examples/sharded} has three.
 */
class TenantShardsTest {
  private static final List<String> SHARDED = List.of("tenants", "tenants-2", "tenants-3");

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod", "sharded"})
  void theServicesListExactlyTheTenantNamespaces(String overlay) {
    List<HasMetadata> objects = Rendered.overlay(overlay);
    List<String> worker = listed(env(objects, deployment(objects, "provisioner-worker")));
    CronJob cronJob = Rendered.named(objects, CronJob.class, "reconciler");
    List<String> reconciler =
        listed(env(objects, cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec()));
    List<String> api = listed(env(objects, deployment(objects, "api-service")));
    assertEquals(api, worker, "worker and API list the same namespaces, the default first");
    assertEquals(api, reconciler, "reconciler and API list the same namespaces");
    assertEquals(Set.copyOf(api), RbacRules.tenantNamespaces(objects), "tenant Namespaces");
    assertEquals("tenants", api.get(0), "the default: where tenants from before sharding live");
    if ("sharded".equals(overlay)) {
      assertEquals(SHARDED, api);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod", "sharded"})
  void everyTenantNamespaceGivesTheSameRights(String overlay) {
    List<HasMetadata> objects = Rendered.overlay(overlay);
    assertEquals(List.of(), RbacRules.violations(objects));
    for (String account : List.of("provisioner-worker", "reconciler-job")) {
      Map<String, Set<String>> everywhere = Rights.of(objects, account);
      for (String namespace : RbacRules.tenantNamespaces(objects)) {
        assertEquals(
            everywhere, Rights.of(objects, account, namespace), account + " in " + namespace);
      }
    }
  }

  /** The components patch the reconciler's Role by name, so they reach every shard. */
  @Test
  void reconcilerComponentsReachEveryShard() {
    List<HasMetadata> objects = Rendered.overlay("sharded");
    assertEquals(Set.copyOf(SHARDED), RbacRules.tenantNamespaces(objects));
    for (String namespace : SHARDED) {
      Map<String, Set<String>> rights = Rights.of(objects, "reconciler-job", namespace);
      assertTrue(rights.get("apps/deployments").contains("delete"), namespace + " prune");
      assertEquals(Set.of("get", "list", "delete"), rights.get("/secrets"), namespace);
      assertEquals(Set.of("get", "list", "watch"), rights.get("/pods"), namespace);
    }
  }

  private static PodSpec deployment(List<HasMetadata> objects, String name) {
    return Rendered.named(objects, Deployment.class, name).getSpec().getTemplate().getSpec();
  }

  private static Map<String, String> env(List<HasMetadata> objects, PodSpec pod) {
    return Env.of(objects, pod);
  }

  /** The fleet's namespace list (FleetConfig: no default, every overlay sets it). */
  private static List<String> listed(Map<String, String> env) {
    String value = env.get("SLIPWAY_FLEET_NAMESPACES");
    assertTrue(value != null, "SLIPWAY_FLEET_NAMESPACES is set");
    return List.of(value.split(",")).stream().map(String::trim).toList();
  }
}
