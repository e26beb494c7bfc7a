package dev.slipway.worker.apply;

import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.TenantSpec;
import dev.slipway.common.render.DesiredObjects;
import dev.slipway.common.render.RenderSettings;
import dev.slipway.common.render.TenantRenderer;
import dev.slipway.shared.fleet.FleetConfig;
import dev.slipway.worker.config.TenantNamespaces;
import io.fabric8.kubernetes.api.model.HasMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Converges the cluster on one tenant's desired state: applies its objects in dependency order and
 * removes what it must not have (an autoscaler from an earlier plan or while stopped), or deletes
 * everything in reverse order. Idempotent: running it twice changes nothing the second time.
 */
@ApplicationScoped
public class TenantApplier {
  private static final Logger LOG = Logger.getLogger(TenantApplier.class);
  private final ResourceApplier applier;
  private final RenderSettings settings;
  private final TenantNamespaces namespaces;

  TenantApplier(ResourceApplier applier, FleetConfig fleet, TenantNamespaces namespaces) {
    this.applier = applier;
    this.settings = fleet.renderSettings();
    this.namespaces = namespaces;
  }

  /**
   * Converges the tenant in the namespace recorded on its row (the default when none is). When it
   * was {@code neverApplied}, its objects are applied without reading them first, so a first create
   * costs one request per object (see {@link ResourceApplier#applyNew}); otherwise each is read
   * first for an exact created / patched / unchanged.
   */
  public List<Applied> converge(TenantSpec tenant, boolean neverApplied) {
    namespaces.requireServed(settings.namespaceOf(tenant));
    DesiredObjects objects = TenantRenderer.render(tenant, settings);
    boolean delete = tenant.desiredState() == DesiredState.DELETED;
    List<Applied> results = new ArrayList<>();
    if (delete) {
      objects.inDeleteOrder().forEach(object -> results.add(log(object, applier.delete(object))));
      return results;
    }
    // Before the apply: an autoscaler still present after the Deployment got its fixed replica
    // count could scale it once more (to its minimum) and leave it there when it goes. A tenant
    // never applied has none to remove, so a first create is one request per object (the rare
    // leftover of an attempt that crashed before recording its apply, under a plan changed since,
    // is spec drift the reconciler repairs through a RECONCILE, which removes it).
    if (!neverApplied) {
      objects.absent().forEach(object -> results.add(log(object, applier.delete(object))));
    }
    for (HasMetadata object : objects.inApplyOrder()) {
      results.add(log(object, neverApplied ? applier.applyNew(object) : applier.apply(object)));
    }
    return results;
  }

  private static Applied log(HasMetadata object, Applied applied) {
    LOG.debugf("%s %s: %s", object.getKind(), object.getMetadata().getName(), applied.result());
    return applied;
  }
}
