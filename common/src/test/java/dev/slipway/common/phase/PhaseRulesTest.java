package dev.slipway.common.phase;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slipway.common.model.Phase;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import org.junit.jupiter.api.Test;

class PhaseRulesTest {

  private static Phase observed(int spec, int ready, int current, int crashing, boolean stalled) {
    return PhaseRules.observed(new ObservedWorkload(spec, ready, current, crashing, stalled));
  }

  @Test
  void startedTenantRunsOnceOneReplicaIsReady() {
    assertEquals(Phase.PROVISIONING, observed(2, 0, 1, 0, false));
    assertEquals(Phase.RUNNING, observed(2, 1, 2, 0, false));
  }

  @Test
  void crashLoopingOrStalledStartedTenantIsDegraded() {
    assertEquals(Phase.DEGRADED, observed(1, 1, 1, 1, false));
    assertEquals(Phase.DEGRADED, observed(1, 0, 1, 0, true));
    assertEquals(Phase.RUNNING, observed(1, 1, 1, 0, true));
  }

  @Test
  void stoppedTenantIsStoppedOnlyWithNoReplicaLeft() {
    assertEquals(Phase.PROVISIONING, observed(0, 0, 1, 0, false));
    assertEquals(Phase.PROVISIONING, observed(0, 1, 1, 0, false));
    assertEquals(Phase.STOPPED, observed(0, 0, 0, 3, true));
  }

  @Test
  void deploymentWithoutReplicaCountOrStatusIsAStartingTenant() {
    var deployment = new DeploymentBuilder().withNewMetadata().withName("a").endMetadata().build();
    assertEquals(Phase.PROVISIONING, PhaseRules.observed(ObservedWorkload.of(deployment)));
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
    assertEquals(Phase.RUNNING, PhaseRules.observed(ObservedWorkload.of(deployment)));
    assertEquals(1, ObservedWorkload.readyReplicas(deployment));
  }

  @Test
  void applyLeavesOnlyPendingAndFailed() {
    assertEquals(Phase.PROVISIONING, PhaseRules.afterApply(Phase.PENDING));
    assertEquals(Phase.PROVISIONING, PhaseRules.afterApply(Phase.FAILED));
    assertEquals(Phase.RUNNING, PhaseRules.afterApply(Phase.RUNNING));
    assertEquals(
        "CASE WHEN phase IN ('FAILED', 'PENDING') THEN 'PROVISIONING' ELSE phase END",
        PhaseRules.afterApplySql());
    assertEquals(
        "phase NOT IN ('DELETED', 'DELETING', 'FAILED')", PhaseRules.notOwnedByCommandsSql());
  }
}
