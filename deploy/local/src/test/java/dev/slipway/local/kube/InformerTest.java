package dev.slipway.local.kube;

import static dev.slipway.local.kube.TestObjects.NAMESPACE;
import static dev.slipway.local.kube.TestObjects.uniqueName;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A label-selected Deployment informer, as the worker uses, sees readiness and deletion. */
class InformerTest {

  private KubeEmulator emulator;

  @BeforeEach
  void start() {
    emulator = KubeEmulator.start(KubeEmulatorOptions.defaults().withPodReadyDelay(Duration.ZERO));
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void informerSeesReadinessAndDeletionOfManagedDeployments() {
    KubernetesClient client = emulator.client();
    Map<String, Integer> ready = new ConcurrentHashMap<>();
    Set<String> deleted = ConcurrentHashMap.newKeySet();
    SharedIndexInformer<Deployment> informer =
        client
            .apps()
            .deployments()
            .inNamespace(NAMESPACE)
            .withLabel(TestObjects.MANAGED_BY, "slipway")
            .inform(handler(ready, deleted));
    try {
      String managed = uniqueName("managed");
      Deployment unmanaged = TestObjects.deployment(uniqueName("unmanaged"), 1, "gateway:1");
      unmanaged.getMetadata().getLabels().clear();
      client.resource(unmanaged).fieldManager("other").forceConflicts().serverSideApply();
      client
          .resource(TestObjects.deployment(managed, 2, "gateway:1"))
          .fieldManager("slipway")
          .forceConflicts()
          .serverSideApply();

      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> Integer.valueOf(2).equals(ready.get(managed)));
      await().atMost(Duration.ofSeconds(10)).until(() -> informer.getStore().list().size() == 1);

      client.apps().deployments().inNamespace(NAMESPACE).withName(managed).delete();
      await().atMost(Duration.ofSeconds(10)).until(() -> deleted.contains(managed));
    } finally {
      informer.close();
    }
  }

  private static ResourceEventHandler<Deployment> handler(
      Map<String, Integer> ready, Set<String> deleted) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(Deployment deployment) {
        record(deployment);
      }

      @Override
      public void onUpdate(Deployment old, Deployment deployment) {
        record(deployment);
      }

      @Override
      public void onDelete(Deployment deployment, boolean finalStateUnknown) {
        deleted.add(deployment.getMetadata().getName());
      }

      private void record(Deployment deployment) {
        Integer readyReplicas =
            deployment.getStatus() == null ? null : deployment.getStatus().getReadyReplicas();
        ready.put(deployment.getMetadata().getName(), readyReplicas == null ? 0 : readyReplicas);
      }
    };
  }
}
