package dev.slipway.reconciler.scan;

import dev.slipway.common.render.GatewayDefaults;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentList;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Set;

/**
 * Lists Slipway's Deployments with paginated LIST calls (limit/continue): the number of API calls
 * grows with pages, never with tenants.
 */
@ApplicationScoped
public class ClusterScanner {
  private final KubernetesClient client;

  ClusterScanner(KubernetesClient client) {
    this.client = client;
  }

  public Set<String> managedDeploymentNames(String namespace, int pageSize) {
    Set<String> names = new HashSet<>();
    String continueToken = null;
    do {
      DeploymentList page =
          client
              .apps()
              .deployments()
              .inNamespace(namespace)
              .withLabels(GatewayDefaults.MANAGED_SELECTOR)
              .list(
                  new ListOptionsBuilder()
                      .withLimit((long) pageSize)
                      .withContinue(continueToken)
                      .build());
      page.getItems().forEach(d -> names.add(d.getMetadata().getName()));
      continueToken = page.getMetadata() == null ? null : page.getMetadata().getContinue();
    } while (continueToken != null && !continueToken.isEmpty());
    return names;
  }
}
