package dev.slipway.common.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffSequenceTest {

  @Test
  void doublesFromTheFirstDelayUpToTheCapAndStartsOverAfterAReset() {
    var ceiling =
        new BackoffSequence(new Backoff(Duration.ofMillis(100), Duration.ofMillis(500), b -> b));
    assertEquals(100, ceiling.nextMillis());
    assertEquals(200, ceiling.nextMillis());
    assertEquals(400, ceiling.nextMillis());
    assertEquals(500, ceiling.nextMillis());
    for (int i = 0; i < 100; i++) {
      assertEquals(500, ceiling.nextMillis());
    }
    ceiling.reset();
    assertEquals(100, ceiling.nextMillis());
  }

  /**
   * Equal jitter, as documented: never below half the ceiling. The relay's own back-off once said
   * "full jitter" (anywhere from 0) while drawing this; now there is one, and it says what it does.
   */
  @Test
  void drawsStayInTheUpperHalfOfTheCeiling() {
    var random = BackoffSequence.of(Duration.ofMillis(100), Duration.ofSeconds(5));
    for (int round = 0; round < 200; round++) {
      random.reset();
      for (int attempt = 1; attempt <= 10; attempt++) {
        long ceiling = Math.min(5_000, 100L << (attempt - 1));
        long delay = random.nextMillis();
        assertTrue(delay >= ceiling / 2 && delay <= ceiling, attempt + ": " + delay);
      }
    }
  }
}
