package dev.slipway.api.jobs;

import java.util.concurrent.TimeUnit;

/**
 * Spaces work out to a rate: the k-th slot starts no earlier than k / rate seconds after the first,
 * so n messages take at least (n - c) / rate seconds whatever the bursts, where c is the chunk a
 * caller takes at once ({@link #chunkSize}).
 */
public final class Pacer {
  private final long intervalNanos;
  private long next = Long.MIN_VALUE;

  /**
   * @param perSecond null or not positive: no pacing
   */
  public Pacer(Double perSecond) {
    this.intervalNanos =
        perSecond == null || perSecond <= 0 ? 0 : (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
  }

  /**
   * Waits for the next slot and takes {@code slots} slots from it; true when it had to wait. Job
   * threads only: it sleeps.
   */
  public boolean await(int slots) throws InterruptedException {
    long now = System.nanoTime();
    boolean waited = next != Long.MIN_VALUE && next - now > 0;
    if (waited) {
      TimeUnit.NANOSECONDS.sleep(next - now);
      now = next;
    }
    next = now + slots * intervalNanos;
    return waited;
  }

  /**
   * Messages handled at once (one SendMessageBatch, one transaction): what the rate allows in 100
   * ms, 1 to 10. Below 20/s every message keeps its own slot, as before batching; at 100/s and more
   * a chunk is 10, a burst no worker notices.
   */
  public static int chunkSize(Double perSecond) {
    if (perSecond == null || perSecond <= 0) {
      return 10;
    }
    return (int) Math.max(1, Math.min(10, Math.floor(perSecond / 10)));
  }

  /**
   * Messages to receive at once: what the rate processes in half the hold time, so a batch is done
   * before its visibility runs out (1 to 10).
   */
  public static int batchSize(Double perSecond, long holdSeconds) {
    if (perSecond == null || perSecond <= 0) {
      return 10;
    }
    return (int) Math.max(1, Math.min(10, Math.floor(perSecond * holdSeconds / 2)));
  }
}
