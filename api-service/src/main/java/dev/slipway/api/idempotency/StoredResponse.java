package dev.slipway.api.idempotency;

/**
 * A mutating request's response as it is sent and, under an idempotency key, stored for replay.
 *
 * @param body JSON text
 * @param location the Location header, or null
 * @param etag the ETag header, or null
 * @param replayed true when this is a stored response sent again for a retried key
 */
public record StoredResponse(
    int status, String body, String location, String etag, boolean replayed) {

  public static StoredResponse of(int status, String body, String location, String etag) {
    return new StoredResponse(status, body, location, etag, false);
  }

  StoredResponse asReplay() {
    return new StoredResponse(status, body, location, etag, true);
  }

  @Override
  public String toString() {
    // The body may hold a gateway token.
    return "StoredResponse[status=" + status + ", replayed=" + replayed + "]";
  }
}
