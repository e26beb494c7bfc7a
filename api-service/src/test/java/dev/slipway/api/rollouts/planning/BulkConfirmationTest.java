package dev.slipway.api.rollouts.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.api.http.ApiException;
import org.junit.jupiter.api.Test;

class BulkConfirmationTest {
  private final BulkConfirmation guard = new BulkConfirmation(10, 0.1);

  @Test
  void destructiveOperationsOverTheCountOrTheShareNeedAConfirmation() {
    assertFalse(guard.required(BulkAction.STOP, 10, 1000), "at the count, under the share");
    assertTrue(guard.required(BulkAction.STOP, 11, 1000), "over the count");
    assertTrue(guard.required(BulkAction.DELETE, 6, 50), "under the count, over 10% of 50");
    assertFalse(guard.required(BulkAction.DELETE, 5, 50), "exactly 10% of 50");
    assertFalse(guard.required(BulkAction.START, 500, 1000), "start is not destructive");
    assertFalse(guard.required(BulkAction.CHANGE_PLAN, 500, 1000), "nor is a plan change");
  }

  @Test
  void aMissingOrWrongConfirmIsA422NamingConfirmAndTheCount() {
    ApiException missing =
        assertThrows(ApiException.class, () -> guard.check(BulkAction.DELETE, 12, 100, null));
    assertEquals(422, missing.status());
    assertEquals("confirm", missing.errors().get(0).field());
    assertTrue(missing.getMessage().contains("\"confirm\": 12"), missing.getMessage());

    ApiException wrong =
        assertThrows(ApiException.class, () -> guard.check(BulkAction.DELETE, 12, 100, 11));
    assertEquals("confirm", wrong.errors().get(0).field());
    assertTrue(wrong.getMessage().contains("changes 12 tenants"), wrong.getMessage());

    assertThrows(ApiException.class, () -> guard.check(BulkAction.START, 2, 100, 3));
    guard.check(BulkAction.DELETE, 12, 100, 12);
    guard.check(BulkAction.START, 2, 100, null);
  }
}
