package dev.slipway.local.kube.controllers;

import static dev.slipway.local.kube.TestObjects.NAMESPACE;
import static dev.slipway.local.kube.TestObjects.uniqueName;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.local.kube.KubeEmulator;
import dev.slipway.local.kube.KubeEmulatorOptions;
import dev.slipway.local.kube.TestObjects;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.RollableScalableResource;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The emulated Deployment controller: pods, readiness and status follow the Deployment. */
class DeploymentControllerTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Duration SLOW_START = Duration.ofMillis(1500);

  private static KubeEmulator emulator;
  private static KubernetesClient client;

  @BeforeAll
  static void start() {
    emulator =
        KubeEmulator.start(
            KubeEmulatorOptions.defaults()
                .withPodReadyDelay(Duration.ofMillis(100))
                .withSlowStartDelay(SLOW_START));
    client = emulator.client();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void podBecomesReadyAndStatusFollows() {
    String name = uniqueName("gw");
    apply(TestObjects.deployment(name, 1, "gateway:1"));

    await().atMost(TIMEOUT).until(() -> readyReplicas(name) == 1);
    Deployment deployment = deployment(name).get();
    assertEquals(
        deployment.getMetadata().getGeneration(), deployment.getStatus().getObservedGeneration());
    assertEquals(1, deployment.getStatus().getAvailableReplicas());
    assertEquals("True", condition(deployment, "Available").getStatus());
    assertEquals(
        1L, deployment.getMetadata().getGeneration(), "status writes leave generation alone");

    Pod pod = pods(name).get(0);
    assertTrue(pod.getMetadata().getName().startsWith(name + "-"));
    assertEquals("Running", pod.getStatus().getPhase());
    assertEquals(0, pod.getStatus().getContainerStatuses().get(0).getRestartCount());
    assertEquals(name, pod.getMetadata().getOwnerReferences().get(0).getName());
    assertEquals(
        deployment.getMetadata().getUid(), pod.getMetadata().getOwnerReferences().get(0).getUid());
    assertEquals(name, pod.getMetadata().getLabels().get("app"));
  }

  @Test
  void aConvergedDeploymentIsNotRewritten() {
    String name = uniqueName("calm");
    apply(TestObjects.deployment(name, 2, "gateway:1"));
    await().atMost(TIMEOUT).until(() -> readyReplicas(name) == 2);
    // A status that differs only in number types (int vs long) once made the controller rewrite
    // it forever: the resourceVersion must stay put once the Deployment has converged.
    String version = deployment(name).get().getMetadata().getResourceVersion();
    await()
        .during(Duration.ofMillis(700))
        .atMost(TIMEOUT)
        .until(() -> version.equals(deployment(name).get().getMetadata().getResourceVersion()));
  }

  @Test
  void newPodIsPendingBeforeTheReadyDelay() {
    try (KubeEmulator slow =
        KubeEmulator.start(
            KubeEmulatorOptions.defaults().withPodReadyDelay(Duration.ofMinutes(5)))) {
      String name = uniqueName("slow");
      slow.client()
          .resource(TestObjects.deployment(name, 1, "gateway:1"))
          .fieldManager("slipway")
          .forceConflicts()
          .serverSideApply();
      await()
          .atMost(TIMEOUT)
          .until(
              () ->
                  !slow.client()
                      .pods()
                      .inNamespace(NAMESPACE)
                      .withLabel("app", name)
                      .list()
                      .getItems()
                      .isEmpty());
      Pod pod =
          slow.client()
              .pods()
              .inNamespace(NAMESPACE)
              .withLabel("app", name)
              .list()
              .getItems()
              .get(0);
      assertEquals("Pending", pod.getStatus().getPhase());
      await()
          .atMost(TIMEOUT)
          .until(
              () -> {
                Deployment d =
                    slow.client().apps().deployments().inNamespace(NAMESPACE).withName(name).get();
                return d.getStatus() != null
                    && "False".equals(condition(d, "Available").getStatus());
              });
    }
  }

  @Test
  void scaleToZeroRemovesPodsAndReadiness() {
    String name = uniqueName("gw");
    apply(TestObjects.deployment(name, 2, "gateway:1"));
    await().atMost(TIMEOUT).until(() -> readyReplicas(name) == 2);

    apply(TestObjects.deployment(name, 0, "gateway:1"));
    await()
        .atMost(TIMEOUT)
        .until(() -> pods(name).isEmpty() && readyReplicas(name) == 0 && observedCurrent(name));
  }

  @Test
  void deletingTheDeploymentDeletesItsPods() {
    String name = uniqueName("gw");
    apply(TestObjects.deployment(name, 2, "gateway:1"));
    await().atMost(TIMEOUT).until(() -> pods(name).size() == 2);

    deployment(name).delete();
    await().atMost(TIMEOUT).until(() -> pods(name).isEmpty());
  }

  @Test
  void templateChangeReplacesPods() {
    String name = uniqueName("gw");
    apply(TestObjects.deployment(name, 1, "gateway:1"));
    await().atMost(TIMEOUT).until(() -> readyReplicas(name) == 1);
    String oldPod = pods(name).get(0).getMetadata().getName();

    apply(TestObjects.deployment(name, 1, "gateway:2"));
    await()
        .atMost(TIMEOUT)
        .until(
            () -> {
              List<Pod> pods = pods(name);
              return pods.size() == 1
                  && !pods.get(0).getMetadata().getName().equals(oldPod)
                  && "gateway:2".equals(pods.get(0).getSpec().getContainers().get(0).getImage())
                  && readyReplicas(name) == 1
                  && observedCurrent(name);
            });
  }

  @Test
  void rapidChangesConverge() {
    String name = uniqueName("gw");
    apply(TestObjects.deployment(name, 1, "gateway:1"));
    apply(TestObjects.deployment(name, 0, "gateway:1"));
    apply(TestObjects.deployment(name, 1, "gateway:1"));
    await()
        .atMost(TIMEOUT)
        .until(() -> pods(name).size() == 1 && readyReplicas(name) == 1 && observedCurrent(name));

    String gone = uniqueName("gone");
    apply(TestObjects.deployment(gone, 3, "gateway:1"));
    deployment(gone).delete();
    await().atMost(TIMEOUT).until(() -> pods(gone).isEmpty());
    // And it stays that way: no late pass recreates pods for the deleted Deployment.
    await().during(Duration.ofMillis(500)).atMost(TIMEOUT).until(() -> pods(gone).isEmpty());
  }

  @Test
  void deletedPodIsReplaced() {
    String name = uniqueName("gw");
    apply(TestObjects.deployment(name, 1, "gateway:1"));
    await().atMost(TIMEOUT).until(() -> readyReplicas(name) == 1);
    String first = pods(name).get(0).getMetadata().getName();

    client.pods().inNamespace(NAMESPACE).withName(first).delete();
    await()
        .atMost(TIMEOUT)
        .until(
            () -> {
              List<Pod> pods = pods(name);
              return pods.size() == 1 && !pods.get(0).getMetadata().getName().equals(first);
            });
  }

  @Test
  void aCrashloopImageNeverBecomesReadyAndRestartsGrow() {
    String name = uniqueName("crash");
    apply(TestObjects.deployment(name, 1, "gateway:9.9.9-crashloop"));
    await().atMost(TIMEOUT).until(() -> restarts(name) >= 3);
    Pod pod = pods(name).get(0);
    var container = pod.getStatus().getContainerStatuses().get(0);
    assertEquals("CrashLoopBackOff", container.getState().getWaiting().getReason());
    assertEquals(false, container.getReady());
    assertEquals(1, container.getLastState().getTerminated().getExitCode());
    assertEquals(0, readyReplicas(name));
    assertEquals("False", condition(deployment(name).get(), "Available").getStatus());
    // A fixed image ends the loop: its new pod becomes Ready.
    apply(TestObjects.deployment(name, 1, "gateway:9.9.10"));
    await().atMost(TIMEOUT).until(() -> readyReplicas(name) == 1);
  }

  @Test
  void aSlowstartImageBecomesReadyOnlyAfterItsDelay() {
    String name = uniqueName("slow");
    long start = System.nanoTime();
    apply(TestObjects.deployment(name, 1, "gateway:1.2.3-slowstart"));
    await().atMost(TIMEOUT).until(() -> readyReplicas(name) == 1);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(took.compareTo(SLOW_START) >= 0, "Ready after " + took);
  }

  @Test
  void scaleSubresourceWorksThroughTheClient() {
    String name = uniqueName("gw");
    apply(TestObjects.deployment(name, 1, "gateway:1"));
    long generation = deployment(name).get().getMetadata().getGeneration();

    deployment(name).scale(3);
    await().atMost(TIMEOUT).until(() -> readyReplicas(name) == 3);
    Deployment scaled = deployment(name).get();
    assertEquals(3, scaled.getSpec().getReplicas());
    assertNotEquals(generation, scaled.getMetadata().getGeneration());
    assertEquals(3, deployment(name).scale().getSpec().getReplicas());
  }

  private static void apply(Deployment deployment) {
    client.resource(deployment).fieldManager("slipway").forceConflicts().serverSideApply();
  }

  private static RollableScalableResource<Deployment> deployment(String name) {
    return client.apps().deployments().inNamespace(NAMESPACE).withName(name);
  }

  private static List<Pod> pods(String name) {
    return client.pods().inNamespace(NAMESPACE).withLabel("app", name).list().getItems();
  }

  private static int restarts(String name) {
    List<Pod> pods = pods(name);
    if (pods.isEmpty() || pods.get(0).getStatus().getContainerStatuses().isEmpty()) {
      return 0;
    }
    return pods.get(0).getStatus().getContainerStatuses().get(0).getRestartCount();
  }

  /** readyReplicas, with the API's omitted zero read as 0. */
  private static int readyReplicas(String name) {
    Deployment deployment = deployment(name).get();
    if (deployment == null || deployment.getStatus() == null) {
      return -1;
    }
    Integer ready = deployment.getStatus().getReadyReplicas();
    return ready == null ? 0 : ready;
  }

  private static boolean observedCurrent(String name) {
    Deployment deployment = deployment(name).get();
    return deployment.getStatus() != null
        && deployment
            .getMetadata()
            .getGeneration()
            .equals(deployment.getStatus().getObservedGeneration());
  }

  private static DeploymentCondition condition(Deployment deployment, String type) {
    return deployment.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElseThrow();
  }
}
