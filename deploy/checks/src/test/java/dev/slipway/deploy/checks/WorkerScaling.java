package dev.slipway.deploy.checks;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The worker's replica range in an overlay: from its KEDA ScaledObject, else its CPU HPA. */
record WorkerScaling(int min, int max) {
  private static final String WORKER = "provisioner-worker";

  static WorkerScaling of(String overlay) {
    List<HasMetadata> objects = Rendered.overlay(overlay);
    Optional<GenericKubernetesResource> keda =
        Rendered.ofType(objects, GenericKubernetesResource.class).stream()
            .filter(o -> "ScaledObject".equals(o.getKind()))
            .filter(o -> WORKER.equals(o.getMetadata().getName()))
            .findFirst();
    if (keda.isPresent()) {
      Map<?, ?> spec = (Map<?, ?>) keda.get().getAdditionalProperties().get("spec");
      return new WorkerScaling(
          ((Number) spec.get("minReplicaCount")).intValue(),
          ((Number) spec.get("maxReplicaCount")).intValue());
    }
    HorizontalPodAutoscaler hpa = Rendered.named(objects, HorizontalPodAutoscaler.class, WORKER);
    return new WorkerScaling(hpa.getSpec().getMinReplicas(), hpa.getSpec().getMaxReplicas());
  }
}
