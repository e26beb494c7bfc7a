package dev.slipway.local.kube.http;

import static dev.slipway.local.kube.TestObjects.NAMESPACE;
import static dev.slipway.local.kube.TestObjects.uniqueName;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.local.kube.KubeEmulator;
import dev.slipway.local.kube.KubeEmulatorOptions;
import dev.slipway.local.kube.TestObjects;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kubectl's watches over plain HTTP ({@code get -w}, {@code rollout status}), its generators, and a
 * clear 415 for protobuf bodies. Skipped where /usr/bin/kubectl is missing.
 */
class KubectlWatchTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir static Path dir;

  private static KubeEmulator emulator;
  private static Kubectl kubectl;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Kubectl.available(), "no kubectl at " + Kubectl.BINARY + ": kubectl tests skipped");
    emulator =
        KubeEmulator.start(
            KubeEmulatorOptions.defaults().withPodReadyDelay(Duration.ofMillis(300)));
    Path cache = Files.createDirectories(dir.resolve("cache"));
    kubectl = new Kubectl(emulator.writeKubeconfig(dir.resolve("kubeconfig")), cache);
  }

  @AfterAll
  static void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }

  @Test
  void getWatchPrintsNewObjectsAsTheyArrive() throws Exception {
    String before = uniqueName("before");
    String name = uniqueName("watched");
    assertTrue(kubectl.run("create", "configmap", before, "-n", NAMESPACE).ok());
    try (Kubectl.Running watch =
        kubectl.start("get", "configmaps", "-n", NAMESPACE, "-w", "-o", "name")) {
      // The initial list is printed once the watch is being set up; what follows is live.
      await().atMost(WAIT).until(() -> watch.stdout().contains("configmap/" + before));
      assertTrue(kubectl.run("create", "configmap", name, "-n", NAMESPACE).ok());
      await().atMost(WAIT).until(() -> watch.stdout().contains("configmap/" + name));
      assertTrue(watch.process().isAlive(), watch.stderr());
    }
  }

  @Test
  void rolloutStatusWaitsUntilTheDeploymentIsAvailable() throws Exception {
    String name = uniqueName("rollout");
    emulator.client().resource(TestObjects.deployment(name, 2, "gateway:1")).create();
    Kubectl.Result status =
        kubectl.run("rollout", "status", "deploy/" + name, "-n", NAMESPACE, "--timeout=30s");
    assertTrue(status.ok(), status::toString);
    assertTrue(status.stdout().contains("successfully rolled out"), status::toString);
  }

  @Test
  void protobufBodiesGetA415() throws Exception {
    HttpRequest post =
        HttpRequest.newBuilder(
                URI.create(
                    emulator.url() + "/apis/apps/v1/namespaces/" + NAMESPACE + "/deployments"))
            .header("Authorization", "Bearer " + emulator.token("admin"))
            .header("Content-Type", "application/vnd.kubernetes.protobuf")
            .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {0x6b, 0x38, 0x73, 0}))
            .timeout(Duration.ofSeconds(10))
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString());
    assertEquals(415, response.statusCode());
    assertTrue(response.body().contains("protobuf"), response.body());
  }

  @Test
  void createDeploymentGeneratorWorks() throws Exception {
    String name = uniqueName("gen");
    Kubectl.Result created =
        kubectl.run("create", "deployment", name, "--image=gateway:1", "-n", NAMESPACE);
    assertTrue(created.ok(), created::toString);
    assertNotNull(
        emulator.client().apps().deployments().inNamespace(NAMESPACE).withName(name).get());
  }
}
