package dev.slipway.worker.status;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.stream.Stream;

/**
 * The Deployment informer's cache, holding of each Deployment only what the status writer reads:
 * identity, labels and annotations (tenant id, rendered generation), {@code spec.replicas} and the
 * status. fabric8's own store keeps whole objects, pod template included (about 10 KB each): at a
 * few thousand tenants that was most of the worker's live heap, and each full collection of its
 * serial GC stopped every command for 300–400 ms (docs/benchmarks.md, P2 as shipped). Handlers
 * still receive the whole new object; only what stays cached is cut down.
 */
final class SlimDeployments implements ItemStore<Deployment> {
  private final BasicItemStore<Deployment> store =
      new BasicItemStore<>(Cache::metaNamespaceKeyFunc);

  /** The parts of {@code full} the status writer reads (ObservedWorkload, TenantLabels). */
  static Deployment slim(Deployment full) {
    ObjectMeta meta = full.getMetadata();
    ObjectMeta kept = new ObjectMeta();
    if (meta != null) {
      kept.setName(meta.getName());
      kept.setNamespace(meta.getNamespace());
      kept.setUid(meta.getUid());
      kept.setResourceVersion(meta.getResourceVersion());
      kept.setGeneration(meta.getGeneration());
      kept.setLabels(meta.getLabels());
      kept.setAnnotations(meta.getAnnotations());
    }
    Deployment slim = new Deployment();
    slim.setMetadata(kept);
    if (full.getSpec() != null) {
      DeploymentSpec spec = new DeploymentSpec();
      spec.setReplicas(full.getSpec().getReplicas());
      slim.setSpec(spec);
    }
    slim.setStatus(full.getStatus());
    return slim;
  }

  @Override
  public String getKey(Deployment deployment) {
    return store.getKey(deployment);
  }

  @Override
  public Deployment put(String key, Deployment deployment) {
    return store.put(key, slim(deployment));
  }

  @Override
  public Deployment remove(String key) {
    return store.remove(key);
  }

  @Override
  public Stream<String> keySet() {
    return store.keySet();
  }

  @Override
  public Stream<Deployment> values() {
    return store.values();
  }

  @Override
  public int size() {
    return store.size();
  }

  @Override
  public Deployment get(String key) {
    return store.get(key);
  }
}
