package dev.slipway.deploy.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The worker scales on queue depth in prod (KEDA, the queue the worker consumes, the worker's own
 * IRSA identity) and on CPU in dev (the fallback HPA).
 */
class WorkerAutoscalingTest {

  @Test
  void prodScalesOnTheWorkersOwnQueueWithItsOwnIdentity() {
    List<HasMetadata> prod = Rendered.overlay("prod");
    GenericKubernetesResource scaled = generic(prod, "ScaledObject", "provisioner-worker");
    Map<String, Object> spec = map(scaled.getAdditionalProperties().get("spec"));
    assertEquals("provisioner-worker", map(spec.get("scaleTargetRef")).get("name"));
    Map<String, Object> trigger = map(((List<?>) spec.get("triggers")).get(0));
    assertEquals("aws-sqs-queue", trigger.get("type"));
    // The generated ConfigMap's name carries a content hash suffix.
    String queue =
        Rendered.ofType(prod, ConfigMap.class).stream()
            .filter(c -> c.getMetadata().getName().startsWith("provisioner-worker-env"))
            .findFirst()
            .orElseThrow()
            .getData()
            .get("SLIPWAY_WORKER_QUEUE_URL");
    assertEquals(queue, map(trigger.get("metadata")).get("queueURL"));

    String auth = (String) map(trigger.get("authenticationRef")).get("name");
    Map<String, Object> identity =
        map(
            map(generic(prod, "TriggerAuthentication", auth).getAdditionalProperties().get("spec"))
                .get("podIdentity"));
    assertEquals("aws", identity.get("provider"));
    assertEquals("workload", identity.get("identityOwner"));
    // "workload" means the scale target's ServiceAccount: the worker's, annotated for IRSA.
    Deployment worker = Rendered.named(prod, Deployment.class, "provisioner-worker");
    assertEquals(
        "provisioner-worker", worker.getSpec().getTemplate().getSpec().getServiceAccountName());
  }

  @Test
  void devFallsBackToACpuHpa() {
    HorizontalPodAutoscaler hpa =
        Rendered.named(
            Rendered.overlay("dev"), HorizontalPodAutoscaler.class, "provisioner-worker");
    assertEquals("provisioner-worker", hpa.getSpec().getScaleTargetRef().getName());
    assertEquals("cpu", hpa.getSpec().getMetrics().get(0).getResource().getName());
  }

  private static GenericKubernetesResource generic(
      List<HasMetadata> objects, String kind, String name) {
    return Rendered.ofType(objects, GenericKubernetesResource.class).stream()
        .filter(o -> kind.equals(o.getKind()) && name.equals(o.getMetadata().getName()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }
}
