package dev.slipway.worker.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slipway.common.model.Phase;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import org.junit.jupiter.api.Test;

class ReadinessPhaseTest {

  @Test
  void startedTenantIsRunningOnceOneReplicaIsReady() {
    assertEquals(Phase.PROVISIONING, ReadinessPhase.of(1, 0, 1));
    assertEquals(Phase.RUNNING, ReadinessPhase.of(1, 1, 1));
    assertEquals(Phase.RUNNING, ReadinessPhase.of(3, 1, 3));
  }

  @Test
  void stoppedTenantIsStoppedOnlyWhenNoPodIsLeft() {
    assertEquals(Phase.PROVISIONING, ReadinessPhase.of(0, 1, 1));
    assertEquals(Phase.PROVISIONING, ReadinessPhase.of(0, 0, 1));
    assertEquals(Phase.STOPPED, ReadinessPhase.of(0, 0, 0));
  }

  @Test
  void deploymentWithoutStatusIsProvisioning() {
    var deployment = new DeploymentBuilder().withNewSpec().withReplicas(1).endSpec().build();
    assertEquals(Phase.PROVISIONING, ReadinessPhase.of(deployment));
    assertEquals(0, ReadinessPhase.readyReplicas(deployment));
  }

  @Test
  void deploymentStatusIsRead() {
    var deployment =
        new DeploymentBuilder()
            .withNewSpec()
            .withReplicas(1)
            .endSpec()
            .withNewStatus()
            .withReplicas(1)
            .withReadyReplicas(1)
            .endStatus()
            .build();
    assertEquals(Phase.RUNNING, ReadinessPhase.of(deployment));
  }
}
