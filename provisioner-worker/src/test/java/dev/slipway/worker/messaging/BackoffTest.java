package dev.slipway.worker.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  /** "Random" that always takes the ceiling, so the exponential envelope is visible. */
  private final Backoff ceiling = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), b -> b);

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
  void jitterNeverGoesBelowOneSecond() {
    Backoff zero = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), b -> 0);
    assertEquals(1, zero.visibilitySeconds(5));
  }

  @Test
  void jitterStaysWithinTheEnvelope() {
    Backoff half = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), b -> b / 2);
    assertEquals(4, half.visibilitySeconds(3));
  }

  @Test
  void zeroOrMissingReceiveCountIsTreatedAsFirst() {
    assertEquals(2, ceiling.visibilitySeconds(0));
  }
}
