package dev.slipway.worker.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.slipway.common.phase.ObservedWorkload;
import dev.slipway.common.render.GatewayDefaults;
import dev.slipway.common.render.TenantLabels;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import org.junit.jupiter.api.Test;

class SlimDeploymentsTest {

  @Test
  void theCacheKeepsWhatTheStatusWriterReadsAndNotThePodTemplate() {
    Deployment full = deployment("3", 2);
    SlimDeployments store = new SlimDeployments();
    String key = store.getKey(full);
    assertEquals("tenants/acme", key);

    store.put(key, full);
    Deployment cached = store.get(key);

    assertNull(cached.getSpec().getTemplate(), "no pod template in the cache");
    assertEquals(ObservedWorkload.of(full), ObservedWorkload.of(cached));
    assertEquals(TenantLabels.generationOf(full), TenantLabels.generationOf(cached));
    assertEquals(full.getMetadata().getLabels(), cached.getMetadata().getLabels());
    assertEquals("41", cached.getMetadata().getResourceVersion());
    assertSame(full.getStatus(), cached.getStatus());
  }

  @Test
  void putAnswersThePreviousEntryAndRemoveEmptiesIt() {
    SlimDeployments store = new SlimDeployments();
    Deployment first = deployment("3", 1);
    store.put(store.getKey(first), first);
    Deployment replaced = store.put(store.getKey(first), deployment("4", 2));
    assertEquals(1, ObservedWorkload.of(replaced).readyReplicas());
    assertEquals(1, store.size());
    store.remove(store.getKey(first));
    assertEquals(0, store.size());
  }

  private static Deployment deployment(String generation, int ready) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName("acme")
        .withNamespace("tenants")
        .withResourceVersion("41")
        .addToLabels(GatewayDefaults.LABEL_TENANT_ID, "6f1c1e7a-0000-4000-8000-000000000001")
        .addToAnnotations(GatewayDefaults.ANNOTATION_GENERATION, generation)
        .endMetadata()
        .withNewSpec()
        .withReplicas(2)
        .withNewTemplate()
        .withNewSpec()
        .addNewContainer()
        .withName("gateway")
        .withImage("gateway:1.2.3")
        .addNewEnv()
        .withName("A")
        .withValue("b")
        .endEnv()
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .withNewStatus()
        .withReplicas(2)
        .withReadyReplicas(ready)
        .endStatus()
        .build();
  }
}
