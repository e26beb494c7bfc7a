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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Converges the cluster on one tenant's desired state: applies its objects in dependency order and
 * removes what it must not have (an autoscaler from an earlier plan or while stopped), or deletes
 * everything in reverse order. Idempotent: running it twice changes nothing the second time. No
 * object is read first: each apply is one request, each removal one label-selected delete that
 * cannot touch another tenant's objects (see {@link ResourceApplier}).
 */
@ApplicationScoped
public class TenantApplier {
  private static final Logger LOG = Logger.getLogger(TenantApplier.class);
  private final ResourceApplier applier;
  private final LastApplied lastApplied;
  private final RenderSettings settings;
  private final TenantNamespaces namespaces;

  TenantApplier(
      ResourceApplier applier,
      LastApplied lastApplied,
      FleetConfig fleet,
      TenantNamespaces namespaces) {
    this.applier = applier;
    this.lastApplied = lastApplied;
    this.settings = fleet.renderSettings();
    this.namespaces = namespaces;
  }

  /**
   * Converges the tenant in the namespace recorded on its row (the default when none is).
   *
   * @param observedGeneration the generation last recorded applied on the tenant's row (0: never)
   * @param repair true for a reconciler's repair: the cluster is known to differ from what Slipway
   *     left, so what this worker remembers of it is not trusted
   */
  public List<Applied> converge(TenantSpec tenant, long observedGeneration, boolean repair) {
    namespaces.requireServed(settings.namespaceOf(tenant));
    DesiredObjects objects = TenantRenderer.render(tenant, settings);
    if (tenant.desiredState() == DesiredState.DELETED) {
      lastApplied.forget(tenant.id());
      return deleteAll(objects);
    }
    LastApplied.State last = lastApplied.of(tenant.id());
    List<Applied> results = new ArrayList<>();
    // Before the apply: an autoscaler still present after the Deployment got its fixed replica
    // count could scale it once more (to its minimum) and leave it there when it goes. A tenant
    // never applied has none to remove, so a first create is one request per object (the rare
    // leftover of an attempt that crashed before recording its apply, under a plan changed since,
    // is spec drift the reconciler repairs through a RECONCILE, which removes it). Nor has one
    // whose recorded generation this worker applied without it: only that worker's apply, or one
    // of the same generation (the same objects), can have been the last. A crash of another
    // worker between its apply and recording it leaves the same rare leftover as above.
    boolean known = last != null && !repair && last.generation() == observedGeneration;
    if (observedGeneration != 0) {
      for (HasMetadata object : objects.absent()) {
        if (!known || last.had(object)) {
          results.add(log(object, applier.delete(object)));
        }
      }
    }
    List<Applied> applied = new ArrayList<>();
    try {
      for (HasMetadata object : objects.inApplyOrder()) {
        LastApplied.Seen seen = last == null ? null : last.seen(object);
        applied.add(log(object, applier.apply(object, seen, repair)));
      }
    } catch (RuntimeException e) {
      lastApplied.forget(tenant.id());
      throw e;
    }
    lastApplied.record(tenant.id(), tenant.generation(), applied);
    results.addAll(applied);
    return results;
  }

  /** One label-selected delete per kind, in delete order: the tenant's objects and only its. */
  private List<Applied> deleteAll(DesiredObjects objects) {
    Map<String, List<HasMetadata>> byKind = new LinkedHashMap<>();
    for (HasMetadata object : objects.inDeleteOrder()) {
      byKind.computeIfAbsent(object.getKind(), k -> new ArrayList<>()).add(object);
    }
    List<Applied> results = new ArrayList<>();
    for (List<HasMetadata> ofKind : byKind.values()) {
      List<Applied> deleted = applier.deleteKind(ofKind.get(0), ofKind);
      for (int i = 0; i < ofKind.size(); i++) {
        results.add(log(ofKind.get(i), deleted.get(i)));
      }
    }
    return results;
  }

  private static Applied log(HasMetadata object, Applied applied) {
    LOG.debugf("%s %s: %s", object.getKind(), object.getMetadata().getName(), applied.result());
    return applied;
  }
}
