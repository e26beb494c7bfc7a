package dev.slipway.local.kube.controllers;

import static dev.slipway.local.kube.TestObjects.uniqueName;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.local.kube.KubeEmulator;
import dev.slipway.local.kube.KubeEmulatorOptions;
import dev.slipway.local.kube.TestObjects;
import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pod Security Admission on the emulated controller's pod creation: in a namespace labelled {@code
 * pod-security.kubernetes.io/enforce: restricted}, a hardened Deployment gets its pods and one that
 * is not gets none, with the ReplicaFailure condition kube reports.
 */
class PodSecurityAdmissionTest {

  private static final String NAMESPACE = "restricted";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static KubeEmulator emulator;
  private static KubernetesClient client;

  @BeforeAll
  static void start() {
    emulator =
        KubeEmulator.start(
            KubeEmulatorOptions.defaults()
                .withPodReadyDelay(Duration.ZERO)
                .withNamespaces(NAMESPACE));
    client = emulator.client();
    client
        .namespaces()
        .withName(NAMESPACE)
        .edit(
            ns -> {
              ns.getMetadata().getLabels().put("pod-security.kubernetes.io/enforce", "restricted");
              return ns;
            });
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void aHardenedDeploymentGetsItsPods() {
    Deployment hardened = TestObjects.deployment(uniqueName("hard"), 1, "gateway:1");
    var pod = hardened.getSpec().getTemplate().getSpec();
    pod.setSecurityContext(
        new PodSecurityContextBuilder()
            .withRunAsNonRoot(true)
            .withNewSeccompProfile()
            .withType("RuntimeDefault")
            .endSeccompProfile()
            .build());
    pod.getContainers()
        .forEach(
            c ->
                c.setSecurityContext(
                    new SecurityContextBuilder()
                        .withAllowPrivilegeEscalation(false)
                        .withCapabilities(new Capabilities(List.of(), List.of("ALL")))
                        .build()));
    hardened.getMetadata().setNamespace(NAMESPACE);
    client.resource(hardened).create();
    String name = hardened.getMetadata().getName();
    await().atMost(TIMEOUT).until(() -> readyReplicas(name) == 1);
    assertEquals(null, condition(name, "ReplicaFailure"));
  }

  @Test
  void aDeploymentThatIsNotHardenedGetsNoPodAndReportsWhy() {
    Deployment plain = TestObjects.deployment(uniqueName("plain"), 2, "gateway:1");
    plain.getSpec().getTemplate().getSpec().setSecurityContext(null);
    plain
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .forEach(c -> c.setSecurityContext(null));
    plain.getMetadata().setNamespace(NAMESPACE);
    client.resource(plain).create();
    String name = plain.getMetadata().getName();
    await().atMost(TIMEOUT).until(() -> condition(name, "ReplicaFailure") != null);
    DeploymentCondition failure = condition(name, "ReplicaFailure");
    assertEquals("True", failure.getStatus());
    assertEquals("FailedCreate", failure.getReason());
    String message = failure.getMessage();
    assertTrue(message.startsWith("pods \"" + name + "-"), message);
    assertTrue(
        message.contains("is forbidden: violates PodSecurity \"restricted:latest\": "), message);
    for (String check :
        List.of(
            "allowPrivilegeEscalation != false",
            "unrestricted capabilities",
            "runAsNonRoot != true",
            "seccompProfile")) {
      assertTrue(message.contains(check), message);
    }
    assertEquals(
        0, client.pods().inNamespace(NAMESPACE).withLabel("app", name).list().getItems().size());
    assertEquals("False", condition(name, "Available").getStatus());
  }

  @Test
  void aPodCreatedDirectlyIsRefusedWith403() {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(uniqueName("direct"))
            .withNamespace(NAMESPACE)
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("gateway")
            .withImage("gateway:1")
            .endContainer()
            .withHostNetwork(true)
            .endSpec()
            .build();
    KubernetesClientException refused =
        assertThrows(KubernetesClientException.class, () -> client.resource(pod).create());
    assertEquals(403, refused.getCode());
    String message = refused.getStatus().getMessage();
    assertTrue(message.contains("host namespaces (hostNetwork=true)"), message);
  }

  private static int readyReplicas(String name) {
    Deployment d = client.apps().deployments().inNamespace(NAMESPACE).withName(name).get();
    Integer ready = d.getStatus() == null ? null : d.getStatus().getReadyReplicas();
    return ready == null ? 0 : ready;
  }

  private static DeploymentCondition condition(String name, String type) {
    Deployment d = client.apps().deployments().inNamespace(NAMESPACE).withName(name).get();
    if (d.getStatus() == null || d.getStatus().getConditions() == null) {
      return null;
    }
    return d.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElse(null);
  }
}
