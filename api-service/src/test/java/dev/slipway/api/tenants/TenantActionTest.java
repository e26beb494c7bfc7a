package dev.slipway.api.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.model.DesiredState;
import org.junit.jupiter.api.Test;

class TenantActionTest {

  @Test
  void startAndStopChangeOnlyWhatIsDifferent() {
    assertEquals(DesiredState.RUNNING, TenantAction.START.decide(DesiredState.STOPPED).target());
    assertUnchanged(TenantAction.START.decide(DesiredState.RUNNING));
    assertEquals(DesiredState.STOPPED, TenantAction.STOP.decide(DesiredState.RUNNING).target());
    assertUnchanged(TenantAction.STOP.decide(DesiredState.STOPPED));
  }

  @Test
  void rotationKeepsTheDesiredStateButIsAlwaysAChange() {
    assertEquals(
        DesiredState.STOPPED, TenantAction.ROTATE_TOKEN.decide(DesiredState.STOPPED).target());
    assertEquals(
        DesiredState.RUNNING, TenantAction.ROTATE_TOKEN.decide(DesiredState.RUNNING).target());
  }

  @Test
  void deletedTenantsCanOnlyBeDeletedAgainWhichChangesNothing() {
    assertUnchanged(TenantAction.DELETE.decide(DesiredState.DELETED));
    assertTrue(TenantAction.START.decide(DesiredState.DELETED).isConflict());
    assertTrue(TenantAction.STOP.decide(DesiredState.DELETED).isConflict());
    assertTrue(TenantAction.ROTATE_TOKEN.decide(DesiredState.DELETED).isConflict());
    assertEquals(DesiredState.DELETED, TenantAction.DELETE.decide(DesiredState.STOPPED).target());
  }

  private static void assertUnchanged(TenantAction.Decision decision) {
    assertFalse(decision.isChange());
    assertFalse(decision.isConflict());
    assertNull(decision.target());
  }
}
