package dev.slipway.api.capacity;

import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.Phase;
import dev.slipway.common.model.Sizing;

/** Tenants that share plan, phase, desired state and sizing: one row of the fleet summary. */
public record FleetGroup(
    String plan, Phase phase, DesiredState desiredState, Sizing sizing, long tenants) {

  /** Pods these tenants run at least: started ones their plan's replicas, stopped ones none. */
  public long pods() {
    return desiredState == DesiredState.RUNNING ? tenants * sizing.startedReplicas() : 0;
  }
}
