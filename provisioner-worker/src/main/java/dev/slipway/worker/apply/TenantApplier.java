package dev.slipway.worker.apply;

import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.TenantSpec;
import dev.slipway.common.render.DesiredObjects;
import dev.slipway.common.render.TenantRenderer;
import dev.slipway.worker.config.WorkerConfig;
import io.fabric8.kubernetes.api.model.HasMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Converges the cluster on one tenant's desired state: applies its four objects in dependency
 * order, or deletes them in reverse order. Idempotent: running it twice changes nothing the second
 * time.
 */
@ApplicationScoped
public class TenantApplier {
  private static final Logger LOG = Logger.getLogger(TenantApplier.class);
  private final ResourceApplier applier;
  private final WorkerConfig config;

  TenantApplier(ResourceApplier applier, WorkerConfig config) {
    this.applier = applier;
    this.config = config;
  }

  public List<Applied> converge(TenantSpec tenant) {
    DesiredObjects objects = TenantRenderer.render(tenant, config.tenants().renderSettings());
    boolean delete = tenant.desiredState() == DesiredState.DELETED;
    List<HasMetadata> order = delete ? objects.inDeleteOrder() : objects.inApplyOrder();
    List<Applied> results = new ArrayList<>(order.size());
    for (HasMetadata object : order) {
      Applied applied = delete ? applier.delete(object) : applier.apply(object);
      LOG.debugf("%s %s: %s", object.getKind(), object.getMetadata().getName(), applied.result());
      results.add(applied);
    }
    return results;
  }
}
