package dev.slipway.local.kube.watch;

/**
 * Where a watch's events go: a chunked HTTP response or a websocket. Every method is called on the
 * connection's own event-loop context, in order.
 */
public interface WatchSink {

  /** Writes one watch event, a JSON object such as {@code {"type":"ADDED","object":{...}}}. */
  void send(byte[] event);

  /** Ends the watch normally; a client then re-watches from its last resourceVersion. */
  void close();

  /** Drops the connection without a goodbye, as a crashed server or a broken network would. */
  void abort();

  /** Called once when the client goes away. */
  void onClosed(Runnable action);
}
