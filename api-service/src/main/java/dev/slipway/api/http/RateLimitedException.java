package dev.slipway.api.http;

/** 429: the caller exceeded its write rate; {@link #retryAfterSeconds()} says when to come back. */
public class RateLimitedException extends ApiException {
  private final long retryAfterSeconds;

  public RateLimitedException(long retryAfterSeconds, double perSecond) {
    super(
        429,
        "rate-limited",
        "Too many requests",
        "writes are limited to "
            + perSecond
            + " per second per caller; retry after "
            + retryAfterSeconds
            + " s");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
