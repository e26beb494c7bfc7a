package dev.slipway.local.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Quarkus test resource, driven by hand the way Quarkus drives it. */
class KubeEmulatorTestResourceTest {

  private final KubeEmulatorTestResource resource = new KubeEmulatorTestResource();

  @AfterEach
  void stop() {
    resource.stop();
  }

  @Test
  void startPublishesConfigAndSystemPropertiesThatAPlainClientUses() {
    resource.init(Map.of(KubeEmulatorTestResource.POD_READY_DELAY_ARG, "0"));
    Map<String, String> config = resource.start();

    KubeEmulator emulator = KubeEmulatorTestResource.emulator();
    assertEquals(emulator.url(), config.get("kubernetes.master"));
    assertEquals(emulator.url(), config.get(KubeEmulatorTestResource.KUBE_URL_PROPERTY));
    assertEquals("false", config.get("quarkus.kubernetes-client.devservices.enabled"));
    assertEquals("tenants", config.get("kubernetes.namespace"));
    assertEquals(Duration.ZERO, emulator.options().podReadyDelay());
    assertEquals(emulator.url(), System.getProperty("kubernetes.master"));

    // Config.autoConfigure is what the Quarkus kubernetes-client extension starts from.
    try (KubernetesClient client =
        new KubernetesClientBuilder().withConfig(Config.autoConfigure(null)).build()) {
      assertEquals("tenants", client.getNamespace());
      assertEquals("v1.30.0", client.getKubernetesVersion().getGitVersion());
      assertNotNull(client.namespaces().withName("tenants").get());
    }
  }

  @Test
  void stopClearsSystemPropertiesAndTheAccessor() {
    resource.start();
    KubeEmulator emulator = KubeEmulatorTestResource.emulator();
    assertSame(emulator, KubeEmulatorTestResource.emulator());

    resource.stop();

    KubeEmulatorTestResource.SYSTEM_PROPERTIES.forEach(p -> assertNull(System.getProperty(p), p));
    assertThrows(IllegalStateException.class, KubeEmulatorTestResource::emulator);
  }

  /** Namespace sharding: every tenant namespace exists and the first is the clients' default. */
  @Test
  void namespacesArgumentListsTheTenantNamespaces() {
    resource.init(Map.of(KubeEmulatorTestResource.NAMESPACES_ARG, "tenants, tenants-2,tenants-3"));
    Map<String, String> config = resource.start();
    KubeEmulator emulator = KubeEmulatorTestResource.emulator();
    assertEquals(List.of("tenants", "tenants-2", "tenants-3"), emulator.options().namespaces());
    assertEquals("tenants", config.get("kubernetes.namespace"));
    try (KubernetesClient client = emulator.client()) {
      for (String namespace : emulator.options().namespaces()) {
        assertNotNull(client.namespaces().withName(namespace).get(), namespace);
      }
    }
  }

  @Test
  void defaultPodReadyDelayIs200Ms() {
    resource.init(Map.of());
    resource.start();
    assertEquals(
        Duration.ofMillis(200), KubeEmulatorTestResource.emulator().options().podReadyDelay());
  }
}
