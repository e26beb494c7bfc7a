package dev.slipway.local.kube;

import static dev.slipway.local.kube.TestObjects.NAMESPACE;
import static dev.slipway.local.kube.TestObjects.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lifecycle, endpoints and patch semantics of the emulator itself. */
class KubeEmulatorTest {

  @Test
  void servesPlainHttpVersionAndHealth() throws Exception {
    try (KubeEmulator emulator = KubeEmulator.start()) {
      assertTrue(emulator.url().matches("http://127\\.0\\.0\\.1:\\d+"), emulator.url());
      assertEquals("v1.30.0", emulator.client().getKubernetesVersion().getGitVersion());
      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(emulator.url() + "/readyz")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, health.statusCode());
      assertNotNull(emulator.client().namespaces().withName("tenants").get());
    }
  }

  @Test
  void closeIsIdempotent() {
    KubeEmulator emulator = KubeEmulator.start();
    emulator.client();
    emulator.close();
    emulator.close();
  }

  @Test
  void kubeconfigPointsAtTheEmulator(@TempDir Path dir) throws Exception {
    try (KubeEmulator emulator = KubeEmulator.start()) {
      String kubeconfig = Files.readString(emulator.writeKubeconfig(dir.resolve("sub/config")));
      assertTrue(kubeconfig.contains("server: " + emulator.secureUrl()), kubeconfig);
      assertTrue(kubeconfig.contains("certificate-authority-data: "), kubeconfig);
      assertTrue(kubeconfig.contains("namespace: tenants"), kubeconfig);
    }
  }

  @Test
  void mergePatchReplacesListsAndDeletesNulls() {
    try (KubeEmulator emulator = KubeEmulator.start()) {
      KubernetesClient client = emulator.client();
      String name = uniqueName("svc");
      Service service = TestObjects.service(name, 80);
      service.getMetadata().getLabels().put("drop-me", "x");
      client.resource(service).create();
      Service patched =
          client
              .services()
              .inNamespace(NAMESPACE)
              .withName(name)
              .patch(
                  PatchContext.of(PatchType.JSON_MERGE),
                  "{\"metadata\":{\"labels\":{\"drop-me\":null}},\"spec\":{\"ports\":[{\"name\":\"https\",\"port\":443}]}}");
      assertEquals(1, patched.getSpec().getPorts().size());
      assertEquals(443, patched.getSpec().getPorts().get(0).getPort());
      assertTrue(!patched.getMetadata().getLabels().containsKey("drop-me"));
    }
  }

  @Test
  void jsonPatchOnDeploymentWithoutStatusStillWorks() {
    try (KubeEmulator emulator =
        KubeEmulator.start(KubeEmulatorOptions.defaults().withNamespaces("elsewhere"))) {
      KubernetesClient client = emulator.client();
      String name = uniqueName("gw");
      client.resource(TestObjects.deployment(name, 1, "gateway:1")).create();
      Deployment patched =
          client
              .apps()
              .deployments()
              .inNamespace(NAMESPACE)
              .withName(name)
              .patch(
                  PatchContext.of(PatchType.JSON),
                  "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":2}]");
      assertEquals(2, patched.getSpec().getReplicas());
      assertEquals(2L, patched.getMetadata().getGeneration());
      Deployment stored = client.apps().deployments().inNamespace(NAMESPACE).withName(name).get();
      assertEquals(2, stored.getSpec().getReplicas());
    }
  }
}
