package dev.slipway.local.kube.watch;

import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocket;
import java.nio.charset.StandardCharsets;

/** A watch over a websocket, as the fabric8 client uses it: one text frame per JSON event. */
public final class WebSocketWatchSink implements WatchSink {

  private final ServerWebSocket socket;
  private final HttpConnection connection;

  public WebSocketWatchSink(ServerWebSocket socket, HttpConnection connection) {
    this.socket = socket;
    this.connection = connection;
  }

  @Override
  public void send(byte[] event) {
    if (!socket.isClosed()) {
      socket.writeTextMessage(new String(event, StandardCharsets.UTF_8));
    }
  }

  @Override
  public void close() {
    if (!socket.isClosed()) {
      socket.close();
    }
  }

  @Override
  public void abort() {
    connection.close();
  }

  @Override
  public void onClosed(Runnable action) {
    socket.closeHandler(v -> action.run());
  }
}
