package dev.slipway.common.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {
  /** "Random" that always takes the ceiling, so the exponential envelope is visible. */
  private final Backoff ceiling = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), b -> b);

  /** "Random" that always takes the floor: half the envelope. */
  private final Backoff floor = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), b -> 0);

  @Test
  void doublesPerReceiveUpToTheCap() {
    assertEquals(2, ceiling.visibilitySeconds(1));
    assertEquals(4, ceiling.visibilitySeconds(2));
    assertEquals(8, ceiling.visibilitySeconds(3));
    assertEquals(256, ceiling.visibilitySeconds(8));
    assertEquals(300, ceiling.visibilitySeconds(9));
    assertEquals(300, ceiling.visibilitySeconds(1_000));
  }

  @Test
  void jitterNeverGoesBelowHalfTheEnvelope() {
    assertEquals(1, floor.visibilitySeconds(1));
    assertEquals(16, floor.visibilitySeconds(5));
    assertEquals(150, floor.visibilitySeconds(1_000));
  }

  @Test
  void jitterStaysWithinTheEnvelope() {
    Backoff half = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), b -> b / 2);
    assertEquals(6, half.visibilitySeconds(3));
  }

  @Test
  void belowTheCapDelaysNeverShrinkFromOneReceiveToTheNext() {
    Backoff random =
        new Backoff(
            Duration.ofSeconds(1),
            Duration.ofMinutes(5),
            b -> ThreadLocalRandom.current().nextLong(b + 1));
    for (int round = 0; round < 1_000; round++) {
      for (int n = 1; n < 9; n++) { // 1 s * 2^8 = 256 s: the last ceiling below 300 s
        assertTrue(random.visibilitySeconds(n) <= random.visibilitySeconds(n + 1), "receive " + n);
      }
    }
  }

  @Test
  void zeroOrMissingReceiveCountIsTreatedAsFirst() {
    assertEquals(2, ceiling.visibilitySeconds(0));
  }

  @Test
  void delaysInMillisecondsStayWithinHalfAndAllOfTheCeiling() {
    Backoff random =
        new Backoff(
            Duration.ofMillis(100),
            Duration.ofSeconds(30),
            b -> ThreadLocalRandom.current().nextLong(b + 1));
    for (int attempt = 1; attempt < 20; attempt++) {
      long ceiling = Math.min(30_000, 100L << (attempt - 1));
      long delay = random.delayMillis(attempt);
      assertTrue(delay >= ceiling / 2 && delay <= ceiling, "attempt " + attempt + ": " + delay);
    }
  }
}
