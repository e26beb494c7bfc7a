package dev.slipway.reconciler.repair;

import dev.slipway.common.render.GatewayDefaults;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Objects;

/**
 * Deletes orphans with the worker's delete semantics: only an object that still carries the
 * managed-by label and the same tenant-id label (and uid) as when it was listed, because the name
 * may have been taken by a new tenant in between. Absent objects are not an error.
 */
@ApplicationScoped
public class OrphanPruner {
  private final KubernetesClient client;

  OrphanPruner(KubernetesClient client) {
    this.client = client;
  }

  /** Returns whether the object was deleted; each call makes up to two API requests. */
  public boolean delete(HasMetadata listed) {
    var resource = client.resource(listed);
    HasMetadata live = resource.get();
    if (live == null || !sameObject(listed, live)) {
      return false;
    }
    var deleted = resource.delete();
    return deleted != null && !deleted.isEmpty();
  }

  private static boolean sameObject(HasMetadata listed, HasMetadata live) {
    Map<String, String> labels = live.getMetadata().getLabels();
    String tenant = GatewayDefaults.LABEL_TENANT_ID;
    return labels != null
        && GatewayDefaults.MANAGED_BY_SLIPWAY.equals(labels.get(GatewayDefaults.LABEL_MANAGED_BY))
        && Objects.equals(listed.getMetadata().getLabels().get(tenant), labels.get(tenant))
        && Objects.equals(listed.getMetadata().getUid(), live.getMetadata().getUid());
  }
}
