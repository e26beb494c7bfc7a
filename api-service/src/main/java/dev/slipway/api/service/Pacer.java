package dev.slipway.api.service;

import java.util.concurrent.TimeUnit;

/**
 * Spaces work out to a rate: the k-th call returns no earlier than k / rate seconds after the
 * first, so n messages take at least (n - 1) / rate seconds whatever the bursts.
 */
final class Pacer {
  private final long intervalNanos;
  private long next = Long.MIN_VALUE;

  /**
   * @param perSecond null or not positive: no pacing
   */
  Pacer(Double perSecond) {
    this.intervalNanos =
        perSecond == null || perSecond <= 0 ? 0 : (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
  }

  /** Waits for the next slot. Job threads only: it sleeps. */
  void await() throws InterruptedException {
    long now = System.nanoTime();
    if (next != Long.MIN_VALUE && next - now > 0) {
      TimeUnit.NANOSECONDS.sleep(next - now);
      now = next;
    }
    next = now + intervalNanos;
  }

  /**
   * Messages to receive at once: what the rate processes in half the hold time, so a batch is done
   * before its visibility runs out (1 to 10).
   */
  static int batchSize(Double perSecond, long holdSeconds) {
    if (perSecond == null || perSecond <= 0) {
      return 10;
    }
    return (int) Math.max(1, Math.min(10, Math.floor(perSecond * holdSeconds / 2)));
  }
}
