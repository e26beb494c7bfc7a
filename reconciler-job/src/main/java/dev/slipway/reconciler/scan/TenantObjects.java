package dev.slipway.reconciler.scan;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.ArrayList;
import java.util.List;

/** What the cluster holds of one tenant (one tenant-id label value). */
public final class TenantObjects {
  public Deployment deployment;
  public Service service;
  public Ingress ingress;
  public Secret secret;
  public HorizontalPodAutoscaler autoscaler;
  public final List<Pod> pods = new ArrayList<>();

  /** Files one listed object under its kind. */
  public void add(HasMetadata object) {
    if (object instanceof Deployment d) {
      deployment = d;
    } else if (object instanceof Service s) {
      service = s;
    } else if (object instanceof Ingress i) {
      ingress = i;
    } else if (object instanceof Secret s) {
      secret = s;
    } else if (object instanceof HorizontalPodAutoscaler h) {
      autoscaler = h;
    } else if (object instanceof Pod p) {
      pods.add(p);
    }
  }

  /** The objects a prune removes: pods go with their Deployment, so they are not listed. */
  public List<HasMetadata> prunable() {
    List<HasMetadata> all = new ArrayList<>();
    for (HasMetadata o : new HasMetadata[] {autoscaler, ingress, service, deployment, secret}) {
      if (o != null) {
        all.add(o);
      }
    }
    return all;
  }
}
