package dev.slipway.local.kube.controllers;

import static dev.slipway.local.kube.TestObjects.NAMESPACE;
import static dev.slipway.local.kube.TestObjects.uniqueName;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slipway.local.kube.KubeEmulator;
import dev.slipway.local.kube.KubeEmulatorOptions;
import dev.slipway.local.kube.TestObjects;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
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
