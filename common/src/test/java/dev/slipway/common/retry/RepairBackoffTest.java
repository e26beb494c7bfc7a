package dev.slipway.common.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.retry.RepairBackoff.State;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RepairBackoffTest {
  private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");
  private final RepairBackoff backoff =
      new RepairBackoff(Duration.ofMinutes(2), Duration.ofMinutes(30), Duration.ofHours(1));

  @Test
  void aTenantNotRepairedLatelyIsRepairedAtOnce() {
    assertTrue(backoff.mayRepair(null, T0));
    assertEquals(new State(1, T0), backoff.afterRepair(null, T0));
  }

  @Test
  void aDriftThatIsBackWaitsTwiceAsLongAfterEachRepairUpToTheCap() {
    State state = backoff.afterRepair(null, T0);
    Instant now = T0;
    for (int minutes : new int[] {2, 4, 8, 16, 30, 30}) {
      assertFalse(backoff.mayRepair(state, now.plus(Duration.ofMinutes(minutes)).minusSeconds(1)));
      assertTrue(backoff.waiting(state, now.plusSeconds(1)));
      now = now.plus(Duration.ofMinutes(minutes));
      assertTrue(backoff.mayRepair(state, now), "after " + minutes + " min");
      state = backoff.afterRepair(state, now);
    }
    assertEquals(7, state.repairs());
  }

  @Test
  void aTenantQuietBeyondItsWaitStartsAfresh() {
    State third = new State(3, T0); // waits 8 minutes
    Instant quiet = T0.plus(Duration.ofMinutes(8)).plus(Duration.ofHours(1));
    assertFalse(backoff.expired(third, quiet.minusSeconds(1)));
    assertEquals(4, backoff.afterRepair(third, quiet.minusSeconds(1)).repairs());
    assertTrue(backoff.expired(third, quiet));
    assertEquals(new State(1, quiet), backoff.afterRepair(third, quiet));
    assertTrue(backoff.expired(new State(40, T0), T0.plus(backoff.forgetAfter())));
  }

  @Test
  void aHugeCountStaysAtTheCap() {
    assertEquals(Duration.ofMinutes(30), backoff.delayAfter(64));
    assertEquals(Duration.ofMinutes(2), backoff.delayAfter(1));
  }
}
