package dev.slipway.common.retry;

import java.time.Duration;
import java.util.function.LongUnaryOperator;

/**
 * Exponential back-off with "equal" jitter, the one back-off of every service: with c = min(max,
 * base * 2^(n-1)), the n-th attempt waits a random time in [c/2, c]. Unlike full jitter (anywhere
 * in [0, c]) the delay never drops back towards zero, so a throttled dependency (an API server
 * answering 429, an unavailable queue) really gets more breathing room with every attempt, while
 * retries of many tenants or replicas still spread out. Pure: the caller supplies the randomness
 * and counts the attempts (the worker counts with SQS's ApproximateReceiveCount, so the back-off
 * survives restarts).
 */
public final class Backoff {
  /** SQS refuses visibility timeouts above 12 hours. */
  private static final long SQS_MAX_VISIBILITY_SECONDS = 12 * 3600;

  private final Duration base;
  private final Duration max;
  private final LongUnaryOperator random;

  /**
   * @param random returns a uniform value in [0, bound] for bound
   */
  public Backoff(Duration base, Duration max, LongUnaryOperator random) {
    this.base = base;
    this.max = max.compareTo(base) < 0 ? base : max;
    this.random = random;
  }

  /** The delay before attempt {@code attempt + 1}, in milliseconds; attempts count from 1. */
  public long delayMillis(int attempt) {
    int exponent = Math.max(0, Math.min(attempt - 1, 30));
    long ceilingMs = Math.min(max.toMillis(), base.toMillis() << exponent);
    return ceilingMs / 2 + random.applyAsLong(ceilingMs - ceilingMs / 2);
  }

  /** {@link #delayMillis} as an SQS visibility timeout: whole seconds, at least 1, at most 12 h. */
  public int visibilitySeconds(int receiveCount) {
    long seconds = Math.max(1, (delayMillis(receiveCount) + 999) / 1000);
    return (int) Math.min(seconds, SQS_MAX_VISIBILITY_SECONDS);
  }
}
