package dev.slipway.api.ratelimit;

import dev.slipway.api.config.ApiConfig;
import dev.slipway.api.config.RateLimitConfig;
import dev.slipway.api.http.RateLimitedException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Per-caller token buckets for writes. A burst of creates from one client (a launch, a runaway
 * script) is answered at once with 429 and Retry-After instead of queueing up until everyone times
 * out, and one caller cannot starve the others. Per process: with N replicas behind a load balancer
 * a caller gets up to N times the rate, which is the point of adding replicas.
 */
@ApplicationScoped
public class WriteRateLimiter {
  private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final RateLimitConfig config;

  WriteRateLimiter(ApiConfig config) {
    this.config = config.rateLimit();
  }

  /** Takes one write from the caller's bucket; throws 429 when it is empty. */
  public void admit(String caller) {
    if (!config.enabled()) {
      return;
    }
    Bucket bucket = buckets.computeIfAbsent(caller, c -> new Bucket(config.burst()));
    long waitNanos = bucket.take(config.writesPerSecond(), config.burst(), System.nanoTime());
    if (waitNanos > 0) {
      long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
      throw new RateLimitedException(seconds, config.writesPerSecond());
    }
  }

  /** Full buckets carry no information: drop them so the map holds only active callers. */
  @Scheduled(every = "60s", delayed = "60s")
  void forgetIdleCallers() {
    long now = System.nanoTime();
    buckets.values().removeIf(b -> b.isFull(config.writesPerSecond(), config.burst(), now));
  }

  /** A token bucket; synchronized per caller, so callers never contend with each other. */
  static final class Bucket {
    private double tokens;
    private long refilledAt = System.nanoTime();

    Bucket(int burst) {
      this.tokens = burst;
    }

    /** Takes a token and returns 0, or returns how long until one is available. */
    synchronized long take(double perSecond, int burst, long now) {
      refill(perSecond, burst, now);
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return (long) ((1 - tokens) / perSecond * 1_000_000_000L);
    }

    synchronized boolean isFull(double perSecond, int burst, long now) {
      refill(perSecond, burst, now);
      return tokens >= burst;
    }

    private void refill(double perSecond, int burst, long now) {
      tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
      refilledAt = now;
    }
  }
}
