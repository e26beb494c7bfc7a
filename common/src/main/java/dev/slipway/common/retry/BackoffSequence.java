package dev.slipway.common.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A {@link Backoff} that counts its own attempts, for a loop retrying one thing (the API's outbox
 * relay and its listener): each {@link #nextMillis} waits longer, up to the cap, until {@link
 * #reset}. Not thread-safe: one per loop.
 */
public final class BackoffSequence {
  private final Backoff backoff;
  private int attempt;

  public BackoffSequence(Backoff backoff) {
    this.backoff = backoff;
  }

  /**
   * From {@code first} doubling up to {@code max}, with equal jitter from a thread-local random.
   */
  public static BackoffSequence of(Duration first, Duration max) {
    return new BackoffSequence(
        new Backoff(first, max, bound -> ThreadLocalRandom.current().nextLong(bound + 1)));
  }

  /** The next delay, in milliseconds. */
  public long nextMillis() {
    attempt = Math.min(attempt + 1, 31); // the ceiling is capped long before: no overflow
    return backoff.delayMillis(attempt);
  }

  /** After a success: the next failure starts from the first delay again. */
  public void reset() {
    attempt = 0;
  }
}
