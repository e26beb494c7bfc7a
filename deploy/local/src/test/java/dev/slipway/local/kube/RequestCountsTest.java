package dev.slipway.local.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import org.junit.jupiter.api.Test;

class RequestCountsTest {

  @Test
  void requestsAreCountedByVerbAndResource() {
    assertEquals(
        "patch deployments",
        RequestCounts.key("PATCH", "/apis/apps/v1/namespaces/t/deployments/a", false));
    assertEquals("list pods", RequestCounts.key("GET", "/api/v1/namespaces/t/pods", false));
    assertEquals("watch pods", RequestCounts.key("GET", "/api/v1/namespaces/t/pods", true));
    assertEquals(
        "update deployments/scale",
        RequestCounts.key("PUT", "/apis/apps/v1/namespaces/t/deployments/a/scale", false));
    assertEquals(
        "deletecollection secrets",
        RequestCounts.key("DELETE", "/api/v1/namespaces/t/secrets", false));
    assertEquals("get /version", RequestCounts.key("GET", "/version", false));
  }

  @Test
  void theEmulatorCountsWhatAClientSends() {
    try (KubeEmulator emulator = KubeEmulator.start()) {
      var client = emulator.client();
      emulator.requestCounts().reset();
      client
          .configMaps()
          .resource(new ConfigMapBuilder().withNewMetadata().withName("c").endMetadata().build())
          .create();
      client.configMaps().withName("c").get();
      client.configMaps().withName("c").get();
      client.configMaps().list();
      assertEquals(1, emulator.requestCounts().count("create", "configmaps"));
      assertEquals(2, emulator.requestCounts().count("get", "configmaps"));
      assertEquals(1, emulator.requestCounts().count("list", "configmaps"));
      assertEquals(4, emulator.requestCounts().total("configmaps"));
    }
  }
}
