package dev.slipway.reconciler.scan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.quarkus.kubernetes.client.KubernetesClientObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * How the reconciler's Kubernetes client reads what it lists, two changes from a profile of a pass
 * over 100,000 tenants (docs/benchmarks.md, P4 at 100,000 tenants):
 *
 * <ul>
 *   <li>{@code metadata.managedFields} is skipped, not bound: the pass never reads it, and it is
 *       the largest part of a listed object (a real API server sends it on every LIST; only
 *       client-side can it be dropped). Binding it built a tree of untyped maps per object.
 *   <li>Field names are not interned: a pod's managed fields name its owner by uid ({@code
 *       k:{"uid":...}}), so a listing has a distinct field name per pod, and Jackson's name table
 *       spent a tenth of the pass probing its overflow area for them.
 * </ul>
 *
 * The reconciler only reads and deletes objects, never writes one, so neither change reaches a
 * request body. The worker, which applies, keeps the client's defaults.
 */
@Singleton
public class ListingJson implements KubernetesClientObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.addMixIn(ObjectMeta.class, WithoutManagedFields.class);
    mapper.getFactory().configure(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES, false);
  }

  @JsonIgnoreProperties(value = "managedFields", allowSetters = false)
  private abstract static class WithoutManagedFields {}
}
