package dev.slipway.local.kube.watch;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * A watch over plain HTTP, as kubectl uses it: a 200 response with a chunked body of JSON events,
 * one per line, kept open until the watch ends.
 */
public final class HttpWatchSink implements WatchSink {

  private final HttpServerResponse response;

  public HttpWatchSink(HttpServerResponse response) {
    this.response = response;
    response.setStatusCode(200);
    response.setChunked(true);
    response.putHeader("Content-Type", "application/json");
    response.putHeader("Cache-Control", "no-cache, private");
    // Sent at once so that the client sees the watch established before any event.
    response.write(Buffer.buffer());
  }

  @Override
  public void send(byte[] event) {
    if (!response.ended() && !response.closed()) {
      response.write(Buffer.buffer(event.length + 1).appendBytes(event).appendByte((byte) '\n'));
    }
  }

  @Override
  public void close() {
    if (!response.ended() && !response.closed()) {
      response.end();
    }
  }

  @Override
  public void abort() {
    response.reset();
  }

  @Override
  public void onClosed(Runnable action) {
    response.closeHandler(v -> action.run());
    response.endHandler(v -> action.run());
  }
}
