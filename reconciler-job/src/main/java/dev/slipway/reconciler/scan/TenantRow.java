package dev.slipway.reconciler.scan;

import dev.slipway.common.model.Phase;
import dev.slipway.common.model.TenantSpec;

/**
 * A live tenant as the reconciler reads it: desired state (as a renderable spec) and the observed
 * state the worker last recorded.
 *
 * @param spec desired state; holds the token, so never log it (its toString leaves it out)
 * @param host the host the API promised the tenant (from its gateway URL), or null if unreadable
 */
public record TenantRow(
    TenantSpec spec, String host, Phase phase, long observedGeneration, int readyReplicas) {

  public String id() {
    return spec.id().toString();
  }

  public String slug() {
    return spec.slug();
  }

  /** The namespace recorded on the tenant's row. */
  public String namespace() {
    return spec.namespace();
  }

  /** True once the worker has applied the current generation. */
  public boolean applied() {
    return observedGeneration >= spec.generation();
  }
}
