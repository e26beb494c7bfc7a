package dev.slipway.local.kube;

import static dev.slipway.local.kube.TestObjects.NAMESPACE;
import static dev.slipway.local.kube.TestObjects.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Injected failures and delays, and the 404 on deleting what is absent. */
class FaultsTest {

  private KubeEmulator emulator;
  private KubernetesClient client;

  @BeforeEach
  void start() {
    emulator = KubeEmulator.start();
    client = emulator.client();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void failNextFailsExactlyTheMatchingRequestsThenStops() {
    String name = uniqueName("svc");
    // 409, not 5xx: the fabric8 client retries 5xx and 429 itself (requestRetryBackoffLimit).
    emulator.faults().failNext("PATCH", "/services/" + name, 409, 1);
    var service = TestObjects.service(name, 80);
    KubernetesClientException failed =
        assertThrows(
            KubernetesClientException.class,
            () -> client.resource(service).fieldManager("t").forceConflicts().serverSideApply());
    assertEquals(409, failed.getCode());
    assertNotNull(client.resource(service).fieldManager("t").forceConflicts().serverSideApply());
    assertEquals(1, emulator.faults().fired());
  }

  @Test
  void otherMethodsAndPathsAreNotAffected() {
    emulator.faults().failNext("DELETE", "/deployments/", 500, 5);
    assertNotNull(client.namespaces().withName(NAMESPACE).get());
    emulator.faults().clear();
    assertTrue(client.apps().deployments().inNamespace(NAMESPACE).withName("x").delete().isEmpty());
    assertEquals(0, emulator.faults().fired());
  }

  @Test
  void delayHoldsTheRequestBack() {
    emulator.faults().delay("GET", "/namespaces/" + NAMESPACE + "$", Duration.ofMillis(400), 1);
    long started = System.nanoTime();
    assertNotNull(client.namespaces().withName(NAMESPACE).get());
    assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 400);
  }

  @Test
  void deletingAnAbsentObjectIs404AndFabric8ReportsNothingDeleted() throws Exception {
    var response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            emulator.url() + "/api/v1/namespaces/" + NAMESPACE + "/secrets/none"))
                    .header("Authorization", "Bearer " + emulator.token("admin"))
                    .DELETE()
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(404, response.statusCode());
    assertTrue(client.secrets().inNamespace(NAMESPACE).withName("none").delete().isEmpty());
    client.resource(TestObjects.secret("some", "v")).create();
    assertEquals(1, client.secrets().inNamespace(NAMESPACE).withName("some").delete().size());
  }
}
