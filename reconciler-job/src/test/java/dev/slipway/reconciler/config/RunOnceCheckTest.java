package dev.slipway.reconciler.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RunOnceCheckTest {
  @Test
  void runOnceWithoutAPushgatewayIsRefusedAndNamesTheKey() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> RunOnceCheck.check(true, false));
    assertTrue(e.getMessage().contains("slipway.reconciler.pushgateway.url"), e.getMessage());
  }

  @Test
  void aScrapedReconcilerNeedsNoPushgateway() {
    assertDoesNotThrow(() -> RunOnceCheck.check(false, false));
    assertDoesNotThrow(() -> RunOnceCheck.check(true, true));
  }
}
