package dev.slipway.common.render;

import dev.slipway.common.model.Autoscaling;
import dev.slipway.common.model.TenantSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;

/**
 * The tenant's HorizontalPodAutoscaler (autoscaling/v2), scaling its Deployment on average CPU
 * utilisation as in seed 001. Rendered only for a started tenant whose plan autoscales.
 */
final class AutoscalerRenderer {
  private AutoscalerRenderer() {}

  static HorizontalPodAutoscaler render(TenantSpec tenant, RenderSettings settings) {
    Autoscaling autoscaling = tenant.sizing().autoscaling();
    return new HorizontalPodAutoscalerBuilder()
        .withApiVersion("autoscaling/v2")
        .withKind("HorizontalPodAutoscaler")
        .withMetadata(TenantLabels.objectMeta(tenant, settings))
        .withNewSpec()
        .withNewScaleTargetRef()
        .withApiVersion("apps/v1")
        .withKind("Deployment")
        .withName(tenant.slug())
        .endScaleTargetRef()
        .withMinReplicas(autoscaling.minReplicas())
        .withMaxReplicas(autoscaling.maxReplicas())
        .withMetrics(
            new MetricSpecBuilder()
                .withType("Resource")
                .withNewResource()
                .withName("cpu")
                .withNewTarget()
                .withType("Utilization")
                .withAverageUtilization(autoscaling.cpuTargetPercent())
                .endTarget()
                .endResource()
                .build())
        .endSpec()
        .build();
  }

  /**
   * Names the autoscaler a tenant has when it has one: what to delete when it should not (the
   * tenant stopped, or moved to a plan without one).
   */
  static HorizontalPodAutoscaler reference(TenantSpec tenant, RenderSettings settings) {
    // A setter, not the builder: every reconcile pass renders this for every tenant, and the
    // builder's build() copies the metadata once more.
    HorizontalPodAutoscaler reference = new HorizontalPodAutoscaler();
    reference.setApiVersion("autoscaling/v2");
    reference.setKind("HorizontalPodAutoscaler");
    reference.setMetadata(TenantLabels.objectMeta(tenant, settings));
    return reference;
  }
}
