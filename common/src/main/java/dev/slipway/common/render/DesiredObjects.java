package dev.slipway.common.render;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The objects one tenant consists of, as they should exist in the cluster: always a Secret,
 * Deployment, Service and Ingress; an autoscaler only while a tenant on an autoscaling plan runs.
 * {@link #absent()} names what must not exist, so a converger removes an autoscaler left from an
 * earlier plan or state, and the Ingress of a tenant that is not {@code routed} (OFFLINE: the
 * Ingress is then rendered only so it can be named for removal).
 */
public record DesiredObjects(
    Secret secret,
    Deployment deployment,
    Service service,
    Ingress ingress,
    Optional<HorizontalPodAutoscaler> autoscaler,
    List<HasMetadata> absent,
    boolean routed) {

  public DesiredObjects {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(deployment, "deployment");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(ingress, "ingress");
    Objects.requireNonNull(autoscaler, "autoscaler");
    absent = List.copyOf(absent);
  }

  /** A routed tenant's objects: what every state but OFFLINE renders. */
  public DesiredObjects(
      Secret secret,
      Deployment deployment,
      Service service,
      Ingress ingress,
      Optional<HorizontalPodAutoscaler> autoscaler,
      List<HasMetadata> absent) {
    this(secret, deployment, service, ingress, autoscaler, absent, true);
  }

  /**
   * Order for creating or updating: the Secret first, because the Deployment's pods read the token
   * from it and would fail to start without it; the Ingress after the workload, so it never routes
   * to nothing; the autoscaler last, once its target exists. No Ingress when not routed.
   */
  public List<HasMetadata> inApplyOrder() {
    List<HasMetadata> order = new ArrayList<>(List.of(secret, deployment, service));
    if (routed) {
      order.add(ingress);
    }
    autoscaler.ifPresent(order::add);
    return List.copyOf(order);
  }

  /**
   * Everything the tenant may have, in reverse of {@link #inApplyOrder()}: stop scaling and routing
   * first, drop the Secret last. Includes {@link #absent()}, which a stopped or deleted tenant may
   * still have from when it ran.
   */
  public List<HasMetadata> inDeleteOrder() {
    List<HasMetadata> applied = new ArrayList<>(inApplyOrder());
    Collections.reverse(applied);
    List<HasMetadata> order = new ArrayList<>(absent);
    order.addAll(applied);
    return List.copyOf(order);
  }
}
