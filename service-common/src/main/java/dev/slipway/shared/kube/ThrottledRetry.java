package dev.slipway.shared.kube;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Honours 429 Too Many Requests: the request is sent again after the server's Retry-After, as often
 * as the server asks, until {@code maxWait} of such waiting is spent (then the 429 is thrown and
 * the caller's own retry, e.g. the queue's, takes over). fabric8's in-client retries already wait
 * {@code max(Retry-After, backoff)}, but only a fixed number of times and for 5xx alike; a
 * throttled request is no failure, so it is not counted against those.
 */
public final class ThrottledRetry {

  /** When a 429 names no delay: the real API server's default. */
  static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

  private final Duration maxWait;
  private final Pause pause;

  /** How the caller waits: parks the thread in production, records the delay in unit tests. */
  @FunctionalInterface
  public interface Pause {
    void pause(Duration delay);
  }

  public ThrottledRetry(Duration maxWait) {
    this(maxWait, ThrottledRetry::park);
  }

  public ThrottledRetry(Duration maxWait, Pause pause) {
    this.maxWait = maxWait;
    this.pause = pause;
  }

  public <T> T call(Supplier<T> request) {
    Duration waited = Duration.ZERO;
    while (true) {
      try {
        return request.get();
      } catch (KubernetesClientException e) {
        Duration delay = retryAfter(e);
        if (delay == null || waited.plus(delay).compareTo(maxWait) > 0) {
          throw e;
        }
        pause.pause(delay);
        waited = waited.plus(delay);
      }
    }
  }

  /** The delay a 429 asks for ({@code details.retryAfterSeconds}); null for any other failure. */
  static Duration retryAfter(KubernetesClientException e) {
    if (e.getCode() != 429) {
      return null;
    }
    var status = e.getStatus();
    Integer seconds =
        status == null || status.getDetails() == null
            ? null
            : status.getDetails().getRetryAfterSeconds();
    return seconds == null || seconds <= 0 ? DEFAULT_RETRY_AFTER : Duration.ofSeconds(seconds);
  }

  private static void park(Duration delay) {
    long deadline = System.nanoTime() + delay.toNanos();
    for (long left = delay.toNanos(); left > 0; left = deadline - System.nanoTime()) {
      LockSupport.parkNanos(left);
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw new KubernetesClientException("interrupted while throttled");
      }
    }
  }
}
