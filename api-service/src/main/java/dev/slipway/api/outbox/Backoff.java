package dev.slipway.api.outbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with full jitter (100 ms doubling up to a cap). Jitter keeps the relays of
 * many replicas from retrying an unavailable queue or database in lockstep.
 */
final class Backoff {
  private static final long FIRST_MS = 100;
  private final long maxMs;
  private long ceilingMs;

  Backoff(Duration max) {
    this.maxMs = Math.max(FIRST_MS, max.toMillis());
  }

  /**
   * The next delay: uniformly drawn from [ceiling / 2, ceiling], the ceiling doubling each time.
   */
  long nextMillis() {
    ceilingMs = Math.min(ceilingMs == 0 ? FIRST_MS : 2 * ceilingMs, maxMs);
    return ceilingMs / 2 + ThreadLocalRandom.current().nextLong(ceilingMs / 2 + 1);
  }

  void reset() {
    ceilingMs = 0;
  }
}
