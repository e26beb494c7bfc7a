package dev.slipway.e2e.convergence;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The live objects of the tenants namespace, by name, then kind. */
final class ClusterView {
  static final String NAMESPACE = "tenants";

  /** The four objects every tenant has while it is not deleted. */
  static final List<String> TENANT_KINDS = List.of("Secret", "Deployment", "Service", "Ingress");

  static final String TENANT_ID = "slipway.dev/tenant-id";
  static final String GENERATION = "slipway.dev/generation";

  /** The Secret's key of the gateway token (common: GatewayDefaults.SECRET_TOKEN_KEY). */
  static final String TOKEN_KEY = "token";

  private final Map<String, Map<String, HasMetadata>> byName = new HashMap<>();

  static ClusterView read(KubernetesClient kube) {
    ClusterView view = new ClusterView();
    view.add(kube.secrets().inNamespace(NAMESPACE).list().getItems());
    view.add(kube.apps().deployments().inNamespace(NAMESPACE).list().getItems());
    view.add(kube.services().inNamespace(NAMESPACE).list().getItems());
    view.add(kube.network().v1().ingresses().inNamespace(NAMESPACE).list().getItems());
    view.add(
        kube.autoscaling()
            .v2()
            .horizontalPodAutoscalers()
            .inNamespace(NAMESPACE)
            .list()
            .getItems());
    return view;
  }

  private void add(List<? extends HasMetadata> objects) {
    for (HasMetadata o : objects) {
      byName.computeIfAbsent(o.getMetadata().getName(), n -> new HashMap<>()).put(o.getKind(), o);
    }
  }

  Set<String> names() {
    return byName.keySet();
  }

  /** The tenant's objects by kind (empty when it has none). */
  Map<String, HasMetadata> of(String name) {
    return byName.getOrDefault(name, Map.of());
  }

  static String label(HasMetadata o, String key) {
    var labels = o.getMetadata().getLabels();
    return labels == null ? null : labels.get(key);
  }

  static String annotation(HasMetadata o, String key) {
    var annotations = o.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(key);
  }

  static int replicas(HasMetadata deployment) {
    Integer replicas = ((Deployment) deployment).getSpec().getReplicas();
    return replicas == null ? 1 : replicas;
  }
}
