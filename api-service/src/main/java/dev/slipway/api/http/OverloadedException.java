package dev.slipway.api.http;

/** 503: this API process already runs as many writes as it may; retry after a second. */
public class OverloadedException extends ApiException {
  public OverloadedException(int limit) {
    super(
        503,
        "overloaded",
        "Too many concurrent writes",
        "this API replica is running its limit of "
            + limit
            + " concurrent writes; retry after 1 s");
  }

  public long retryAfterSeconds() {
    return 1;
  }
}
