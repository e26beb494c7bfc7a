package dev.slipway.worker.messaging;

import java.time.Duration;
import java.util.function.LongUnaryOperator;

/**
 * Exponential back-off with "equal" jitter, driven by SQS's ApproximateReceiveCount so it survives
 * worker restarts: with c = min(max, base * 2^(n-1)), the n-th receive waits a random time in [c/2,
 * c]. Unlike full jitter (anywhere in [0, c]) the delay never drops back towards zero, so a
 * throttled API server (429) really gets more breathing room with every attempt, while retries of
 * many tenants still spread out.
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
    this.max = max;
    this.random = random;
  }

  /** Visibility timeout, in whole seconds (what ChangeMessageVisibility takes), at least 1. */
  public int visibilitySeconds(int receiveCount) {
    int exponent = Math.max(0, Math.min(receiveCount - 1, 30));
    long ceilingMs = Math.min(max.toMillis(), base.toMillis() << exponent);
    long delayMs = ceilingMs / 2 + random.applyAsLong(ceilingMs - ceilingMs / 2);
    long seconds = Math.max(1, (delayMs + 999) / 1000);
    return (int) Math.min(seconds, SQS_MAX_VISIBILITY_SECONDS);
  }
}
