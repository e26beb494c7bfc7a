package dev.slipway.reconciler.scan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.quarkus.kubernetes.client.KubernetesClientObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * The reconciler's Kubernetes client skips {@code metadata.managedFields} when it reads a listed
 * object instead of binding it: the pass never reads it, it is the largest part of a listed object
 * (a real API server sends it on every LIST; only the client can drop it), and binding it built a
 * tree of untyped maps per object (docs/benchmarks.md, P4 at 100,000 tenants). The reconciler only
 * reads and deletes objects, never writes one, so this never reaches a request body; the worker,
 * which applies, keeps the client's defaults.
 *
 * <p>Tried and not kept: turning off Jackson's field-name interning (a pod's managed fields name
 * its owner by uid, a distinct name per pod). Jackson then reads UTF-8 through a Reader-based
 * parser, which was slower.
 */
@Singleton
public class ListingJson implements KubernetesClientObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.addMixIn(ObjectMeta.class, WithoutManagedFields.class);
  }

  @JsonIgnoreProperties(value = "managedFields", allowSetters = false)
  private abstract static class WithoutManagedFields {}
}
