package dev.slipway.worker.status;

import dev.slipway.common.metrics.MetricNames;
import dev.slipway.common.model.Phase;
import dev.slipway.common.phase.ObservedWorkload;
import dev.slipway.common.phase.PhaseRules;
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
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Watches Slipway's Deployments in every tenant namespace (one informer each: the worker's RBAC is
 * per namespace, never cluster-wide) and writes the readiness they report (phase, ready replicas)
 * to the tenant rows. It is the only writer of RUNNING / PROVISIONING / STOPPED, so events, which
 * arrive in order per object, cannot be overtaken by a stale read.
 *
 * <p>The informer delivers a change once. A write that fails (PostgreSQL restarting or failing
 * over) is retried every {@code status.retry-interval} from the informer's cache, which holds the
 * newest state, until it lands: otherwise a tenant stopped during an outage would read RUNNING
 * until the next resync, minutes later.
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
  private final Map<String, SharedIndexInformer<Deployment>> informers = new ConcurrentHashMap<>();
  private final UnwrittenStatus unwritten = new UnwrittenStatus();

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
    registry.gaugeCollectionSize(MetricNames.STATUS_WRITES_PENDING, Tags.empty(), unwritten.keys());
  }

  void start(@Observes StartupEvent event) {
    if (!config.status().enabled()) {
      return;
    }
    for (String namespace : namespaces.all()) {
      SharedIndexInformer<Deployment> informer =
          client
              .apps()
              .deployments()
              .inNamespace(namespace)
              .withLabels(GatewayDefaults.MANAGED_SELECTOR)
              .runnableInformer(config.status().resync().toMillis());
      informer.itemStore(new SlimDeployments());
      informer.addEventHandler(this);
      // Started in the background and retried for good: an API server slow to answer the first
      // LIST must not stop the worker from starting (fabric8's inform() throws then, and the pod
      // would crash-loop); commands are applied meanwhile and the statuses follow once it syncs.
      informer.exceptionHandler(
          (started, error) -> {
            LOG.warnf("deployment watch in %s failed, retrying: %s", namespace, error.toString());
            return true;
          });
      informer.start();
      informers.put(namespace, informer);
    }
  }

  void stop(@Observes ShutdownEvent event) {
    informers.values().forEach(SharedIndexInformer::close);
  }

  @Scheduled(
      every = "${slipway.worker.status.retry-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void retryFailedWrites() {
    for (String key : unwritten.keys()) {
      var informer = informers.get(UnwrittenStatus.namespaceOf(key));
      synchronized (unwritten.lock(key)) {
        // Read under the lock: the cache holds at least what the last handled event wrote.
        Deployment newest = informer == null ? null : informer.getStore().getByKey(key);
        if (newest == null) {
          unwritten.written(key); // deleted since: the worker records DELETED itself
        } else if (!record(newest)) {
          return; // the database is still away: one timeout per pass, not one per tenant
        }
      }
    }
  }

  @Override
  public void onAdd(Deployment deployment) {
    synchronized (unwritten.lock(UnwrittenStatus.key(deployment))) {
      record(deployment);
    }
  }

  @Override
  public void onUpdate(Deployment oldDeployment, Deployment deployment) {
    onAdd(deployment);
  }

  @Override
  public void onDelete(Deployment deployment, boolean deletedFinalStateUnknown) {
    // The worker records DELETED itself when it removes a tenant; an unexpected deletion is drift,
    // which the reconciler detects and repairs.
  }

  /** Writes the Deployment's readiness; false if the write failed (it will be retried). */
  private boolean record(Deployment deployment) {
    OptionalLong generation = TenantLabels.generationOf(deployment);
    Optional<UUID> tenantId = tenantId(deployment);
    if (generation.isEmpty() || tenantId.isEmpty()) {
      return true; // not rendered by Slipway (or edited by hand): nothing reliable to record
    }
    String slug = deployment.getMetadata().getName();
    String key = UnwrittenStatus.key(deployment);
    Phase phase = PhaseRules.observed(ObservedWorkload.of(deployment));
    try {
      int ready = ObservedWorkload.readyReplicas(deployment);
      boolean changed =
          tenants.recordReadiness(tenantId.get(), generation.getAsLong(), phase, ready);
      unwritten.written(key);
      if (changed) {
        updates.increment();
        LOG.debugf("tenant %s is %s (%d ready)", slug, phase, ready);
        if (phase == Phase.RUNNING) {
          readyLatency.record(tenantId.get(), generation.getAsLong());
        }
      }
      return true;
    } catch (RuntimeException e) {
      unwritten.failed(key);
      LOG.warnf("could not record status of tenant %s, will retry: %s", slug, e.getMessage());
      return false;
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
