package dev.slipway.common.render;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.List;
import java.util.Objects;

/** The four objects one tenant consists of, as they should exist in the cluster. */
public record DesiredObjects(
    Secret secret, Deployment deployment, Service service, Ingress ingress) {

  public DesiredObjects {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(deployment, "deployment");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(ingress, "ingress");
  }

  /**
   * Order for creating or updating: the Secret first, because the Deployment's pods read the token
   * from it and would fail to start without it; the Ingress last, so it never routes to nothing.
   */
  public List<HasMetadata> inApplyOrder() {
    return List.of(secret, deployment, service, ingress);
  }

  /** Reverse of {@link #inApplyOrder()}: stop routing traffic first, drop the Secret last. */
  public List<HasMetadata> inDeleteOrder() {
    return List.of(ingress, service, deployment, secret);
  }
}
