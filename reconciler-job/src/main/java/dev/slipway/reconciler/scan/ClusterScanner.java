package dev.slipway.reconciler.scan;

import dev.slipway.common.render.GatewayDefaults;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists every Slipway-managed object of the tenant namespaces with paginated LIST calls
 * (limit/continue), one namespace and kind after the other: the number of API calls is namespaces
 * times kinds times pages, never growing with tenants (no per-tenant GET). Namespaced LISTs, not
 * one across all namespaces, because the reconciler's RBAC is a Role per tenant namespace.
 */
@ApplicationScoped
public class ClusterScanner {
  static final List<Class<? extends HasMetadata>> KINDS =
      List.of(
          Deployment.class,
          Pod.class,
          Service.class,
          Ingress.class,
          Secret.class,
          HorizontalPodAutoscaler.class);

  private final KubernetesClient client;

  ClusterScanner(KubernetesClient client) {
    this.client = client;
  }

  public ClusterSnapshot scan(List<String> namespaces, int pageSize) {
    Map<String, Map<String, TenantObjects>> byNamespace = new LinkedHashMap<>();
    List<HasMetadata> unlabelled = new ArrayList<>();
    int objects = 0;
    int calls = 0;
    for (String namespace : namespaces) {
      Map<String, TenantObjects> byTenant = new HashMap<>();
      byNamespace.put(namespace, byTenant);
      for (Class<? extends HasMetadata> kind : KINDS) {
        String continueToken = null;
        do {
          KubernetesResourceList<? extends HasMetadata> page =
              page(kind, namespace, pageSize, continueToken);
          calls++;
          for (HasMetadata item : page.getItems()) {
            objects++;
            file(item, byTenant, unlabelled);
          }
          continueToken = page.getMetadata() == null ? null : page.getMetadata().getContinue();
        } while (continueToken != null && !continueToken.isEmpty());
      }
    }
    return new ClusterSnapshot(byNamespace, unlabelled, objects, calls);
  }

  private KubernetesResourceList<? extends HasMetadata> page(
      Class<? extends HasMetadata> kind, String namespace, int pageSize, String continueToken) {
    return client
        .resources(kind)
        .inNamespace(namespace)
        .withLabels(GatewayDefaults.MANAGED_SELECTOR)
        .list(
            new ListOptionsBuilder()
                .withLimit((long) pageSize)
                .withContinue(continueToken)
                .build());
  }

  private static void file(
      HasMetadata item, Map<String, TenantObjects> byTenant, List<HasMetadata> unlabelled) {
    // managedFields are large on a real API server and never compared: drop them early.
    item.getMetadata().setManagedFields(null);
    Map<String, String> labels = item.getMetadata().getLabels();
    String tenantId = labels == null ? null : labels.get(GatewayDefaults.LABEL_TENANT_ID);
    if (tenantId == null) {
      if (!(item instanceof Pod)) {
        unlabelled.add(item);
      }
      return;
    }
    byTenant.computeIfAbsent(tenantId, id -> new TenantObjects()).add(item);
  }
}
