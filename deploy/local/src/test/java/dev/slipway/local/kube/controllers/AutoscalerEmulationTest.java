package dev.slipway.local.kube.controllers;

import static dev.slipway.local.kube.TestObjects.NAMESPACE;
import static dev.slipway.local.kube.TestObjects.uniqueName;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.local.kube.KubeEmulator;
import dev.slipway.local.kube.KubeEmulatorOptions;
import dev.slipway.local.kube.TestObjects;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An autoscaler keeps its target within min..max replicas; a Deployment at zero stays at zero. */
class AutoscalerEmulationTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static KubeEmulator emulator;
  private static KubernetesClient client;

  @BeforeAll
  static void start() {
    emulator =
        KubeEmulator.start(KubeEmulatorOptions.defaults().withPodReadyDelay(Duration.ofMillis(50)));
    client = emulator.client();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void targetIsRaisedToTheMinimumAndLoweredToTheMaximum() {
    String name = uniqueName("hpa");
    client.resource(TestObjects.deployment(name, 1, "gateway:1")).serverSideApply();
    client.resource(autoscaler(name, 2, 3)).serverSideApply();
    await().atMost(TIMEOUT).until(() -> replicas(name) == 2 && readyReplicas(name) == 2);

    client.apps().deployments().inNamespace(NAMESPACE).withName(name).scale(5);
    await().atMost(TIMEOUT).until(() -> replicas(name) == 3 && readyReplicas(name) == 3);
  }

  @Test
  void aDeploymentScaledToZeroIsLeftAloneAndDeletingTheAutoscalerReleasesIt() {
    String name = uniqueName("hpa0");
    client.resource(TestObjects.deployment(name, 1, "gateway:1")).serverSideApply();
    client.resource(autoscaler(name, 2, 4)).serverSideApply();
    await().atMost(TIMEOUT).until(() -> replicas(name) == 2);

    client.apps().deployments().inNamespace(NAMESPACE).withName(name).scale(0);
    await().atMost(TIMEOUT).until(() -> readyReplicas(name) == 0);
    assertEquals(0, replicas(name));

    client.resource(autoscaler(name, 2, 4)).delete();
    client.apps().deployments().inNamespace(NAMESPACE).withName(name).scale(1);
    await().atMost(TIMEOUT).until(() -> readyReplicas(name) == 1);
    assertEquals(1, replicas(name));
  }

  /**
   * The autoscaler owns {@code spec.replicas} (as kube's HPA controller does through the scale
   * subresource): an apply that sets another count conflicts unless forced, and the worker's forced
   * apply that omits replicas for an autoscaled plan leaves the count alone.
   */
  @Test
  void theAutoscalerOwnsReplicas() {
    String name = uniqueName("hpaown");
    client
        .resource(TestObjects.deployment(name, 1, "gateway:1"))
        .fieldManager("slipway")
        .serverSideApply();
    client.resource(autoscaler(name, 3, 4)).serverSideApply();
    await().atMost(TIMEOUT).until(() -> replicas(name) == 3);
    Deployment scaled = client.apps().deployments().inNamespace(NAMESPACE).withName(name).get();
    assertTrue(
        scaled.getMetadata().getManagedFields().stream()
            .anyMatch(
                f ->
                    f.getManager().equals("kube-controller-manager")
                        && "scale".equals(f.getSubresource())
                        && f.getFieldsV1()
                            .getAdditionalProperties()
                            .toString()
                            .contains("f:replicas")),
        () -> scaled.getMetadata().getManagedFields().toString());

    KubernetesClientException conflict =
        assertThrows(
            KubernetesClientException.class,
            () ->
                client
                    .resource(TestObjects.deployment(name, 1, "gateway:1"))
                    .fieldManager("slipway")
                    .serverSideApply());
    assertEquals(409, conflict.getCode());
    assertTrue(
        conflict.getMessage().contains("conflict with \"kube-controller-manager\": .spec.replicas"),
        conflict::getMessage);

    Deployment withoutReplicas = TestObjects.deployment(name, 1, "gateway:2");
    withoutReplicas.getSpec().setReplicas(null);
    client.resource(withoutReplicas).fieldManager("slipway").forceConflicts().serverSideApply();
    Deployment applied = client.apps().deployments().inNamespace(NAMESPACE).withName(name).get();
    assertEquals(3, applied.getSpec().getReplicas(), "replicas stay with the autoscaler");
    assertEquals(
        "gateway:2", applied.getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
  }

  private static HorizontalPodAutoscaler autoscaler(String target, int min, int max) {
    return new HorizontalPodAutoscalerBuilder()
        .withNewMetadata()
        .withName(target)
        .withNamespace(NAMESPACE)
        .endMetadata()
        .withNewSpec()
        .withNewScaleTargetRef()
        .withApiVersion("apps/v1")
        .withKind("Deployment")
        .withName(target)
        .endScaleTargetRef()
        .withMinReplicas(min)
        .withMaxReplicas(max)
        .endSpec()
        .build();
  }

  private static Deployment deployment(String name) {
    return client.apps().deployments().inNamespace(NAMESPACE).withName(name).get();
  }

  private static int replicas(String name) {
    return deployment(name).getSpec().getReplicas();
  }

  private static int readyReplicas(String name) {
    Deployment d = deployment(name);
    return d.getStatus() == null || d.getStatus().getReadyReplicas() == null
        ? 0
        : d.getStatus().getReadyReplicas();
  }
}
