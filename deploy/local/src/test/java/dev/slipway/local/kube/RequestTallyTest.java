package dev.slipway.local.kube;

import static dev.slipway.local.kube.TestObjects.NAMESPACE;
import static dev.slipway.local.kube.TestObjects.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Counting requests by method and URI, for tests that assert what a client sent. */
class RequestTallyTest {

  private static KubeEmulator emulator;
  private static KubernetesClient client;

  @BeforeAll
  static void start() {
    emulator = KubeEmulator.start(KubeEmulatorOptions.defaults().withNamespaces("not-tenants"));
    client = emulator.client();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void countsOnlyMatchingRequestsUntilClosed() {
    String name = uniqueName("tally");
    var secret = TestObjects.secret(name, "v1");
    try (RequestTally gets = emulator.tally("GET", "/secrets/" + name);
        RequestTally any = emulator.tally("*", "/secrets/" + name)) {
      client.resource(secret).fieldManager("t").forceConflicts().serverSideApply();
      client.secrets().inNamespace(NAMESPACE).withName(name).get();
      client.secrets().inNamespace(NAMESPACE).withName("other-" + name).get();
      assertEquals(1, gets.count(), "the GET of this secret only");
      assertEquals(2, any.count(), "its apply (PATCH) and its GET");
      gets.close();
      client.secrets().inNamespace(NAMESPACE).withName(name).get();
      assertEquals(1, gets.count(), "closed: no longer counting");
      assertEquals(3, any.count());
    }
  }

  @Test
  void requestsAnsweredWithAFaultAreCounted() {
    String name = uniqueName("faulted");
    emulator.faults().failNext("GET", "/secrets/" + name, 409, 1);
    try (RequestTally gets = emulator.tally("GET", "/secrets/" + name)) {
      var failed =
          assertThrows(
              KubernetesClientException.class,
              () -> client.secrets().inNamespace(NAMESPACE).withName(name).get());
      assertEquals(409, failed.getCode());
      assertEquals(1, gets.count());
    }
  }
}
