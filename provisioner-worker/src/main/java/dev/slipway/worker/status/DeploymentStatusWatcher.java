package dev.slipway.worker.status;

import dev.slipway.common.metrics.MetricNames;
import dev.slipway.common.model.Phase;
import dev.slipway.common.render.GatewayDefaults;
import dev.slipway.common.render.TenantLabels;
import dev.slipway.worker.config.TenantNamespaces;
import dev.slipway.worker.config.WorkerConfig;
import dev.slipway.worker.repository.TenantStore;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Watches Slipway's Deployments in every tenant namespace (one informer each: the worker's RBAC is
 * per namespace, never cluster-wide) and writes the readiness they report (phase, ready replicas)
 * to the tenant rows. It is the only writer of RUNNING / PROVISIONING / STOPPED, so events, which
 * arrive in order per object, cannot be overtaken by a stale read. The periodic resync repairs a
 * missed write.
 */
@ApplicationScoped
public class DeploymentStatusWatcher implements ResourceEventHandler<Deployment> {
  private static final Logger LOG = Logger.getLogger(DeploymentStatusWatcher.class);
  private final KubernetesClient client;
  private final TenantStore tenants;
  private final WorkerConfig config;
  private final TenantNamespaces namespaces;
  private final Counter updates;
  private final ReadyLatency readyLatency;
  private final List<SharedIndexInformer<Deployment>> informers = new ArrayList<>();

  DeploymentStatusWatcher(
      KubernetesClient client,
      TenantStore tenants,
      WorkerConfig config,
      TenantNamespaces namespaces,
      MeterRegistry registry,
      ReadyLatency readyLatency) {
    this.client = client;
    this.tenants = tenants;
    this.config = config;
    this.namespaces = namespaces;
    this.updates = registry.counter(MetricNames.STATUS_UPDATES);
    this.readyLatency = readyLatency;
  }

  void start(@Observes StartupEvent event) {
    if (!config.status().enabled()) {
      return;
    }
    for (String namespace : namespaces.all()) {
      informers.add(
          client
              .apps()
              .deployments()
              .inNamespace(namespace)
              .withLabels(GatewayDefaults.MANAGED_SELECTOR)
              .inform(this, config.status().resync().toMillis()));
    }
  }

  void stop(@Observes ShutdownEvent event) {
    informers.forEach(SharedIndexInformer::close);
  }

  @Override
  public void onAdd(Deployment deployment) {
    record(deployment);
  }

  @Override
  public void onUpdate(Deployment oldDeployment, Deployment deployment) {
    record(deployment);
  }

  @Override
  public void onDelete(Deployment deployment, boolean deletedFinalStateUnknown) {
    // The worker records DELETED itself when it removes a tenant; an unexpected deletion is drift,
    // which the reconciler detects and repairs.
  }

  private void record(Deployment deployment) {
    OptionalLong generation = TenantLabels.generationOf(deployment);
    Optional<UUID> tenantId = tenantId(deployment);
    if (generation.isEmpty() || tenantId.isEmpty()) {
      return; // not rendered by Slipway (or edited by hand): nothing reliable to record
    }
    String slug = deployment.getMetadata().getName();
    Phase phase = ReadinessPhase.of(deployment);
    try {
      int ready = ReadinessPhase.readyReplicas(deployment);
      if (tenants.recordReadiness(tenantId.get(), generation.getAsLong(), phase, ready)) {
        updates.increment();
        LOG.debugf("tenant %s is %s (%d ready)", slug, phase, ready);
        if (phase == Phase.RUNNING) {
          readyLatency.record(tenantId.get(), generation.getAsLong());
        }
      }
    } catch (RuntimeException e) {
      LOG.warnf("could not record status of tenant %s: %s", slug, e.getMessage());
    }
  }

  /** The tenant id label: slugs are reused after deletion, ids never. */
  private static Optional<UUID> tenantId(Deployment deployment) {
    var labels = deployment.getMetadata().getLabels();
    try {
      return Optional.ofNullable(
              labels == null ? null : labels.get(GatewayDefaults.LABEL_TENANT_ID))
          .map(UUID::fromString);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
