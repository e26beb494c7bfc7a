package dev.slipway.local.kube.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.PemKeyCertOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The Vert.x HTTP servers behind {@link ApiServer}: one per event loop, all on one port. */
public final class ApiListeners {

  private final Vertx vertx;
  private final List<HttpServer> servers = new CopyOnWriteArrayList<>();

  private final PemKeyCertOptions tls;

  /**
   * @param tls the server's key and certificate for HTTPS; null for plain HTTP
   */
  public ApiListeners(Vertx vertx, PemKeyCertOptions tls) {
    this.vertx = vertx;
    this.tls = tls;
  }

  /**
   * Starts listening; returns the bound port. Fails when the port is taken. One server instance per
   * event loop on one port: Vert.x shares the listening socket and spreads connections over them,
   * where a single instance would serve every connection on one event loop, one core. Vert.x shares
   * only an explicit port, so port 0 becomes a free port found first (retried if taken meanwhile).
   */
  public int listen(int port, int eventLoops, Handler<HttpServerRequest> handler) {
    for (int attempt = 1; ; attempt++) {
      int chosen = port == 0 ? freePort() : port;
      try {
        for (int i = 0; i < eventLoops; i++) {
          servers.add(start(chosen, handler));
        }
        return chosen;
      } catch (IllegalStateException e) {
        close();
        servers.clear();
        if (port != 0 || attempt == 3) {
          throw e;
        }
      }
    }
  }

  private static int freePort() {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpServer start(int port, Handler<HttpServerRequest> handler) {
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost("127.0.0.1")
            .setPort(port)
            .setMaxInitialLineLength(64 * 1024)
            .setMaxWebSocketFrameSize(16 * 1024 * 1024)
            .setMaxWebSocketMessageSize(64 * 1024 * 1024);
    if (tls != null) {
      options.setSsl(true).setKeyCertOptions(tls);
    }
    try {
      // Called off the event loops, each server gets a context (and event loop) of its own.
      return vertx
          .createHttpServer(options)
          .requestHandler(handler)
          .listen()
          .toCompletionStage()
          .toCompletableFuture()
          .get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("kube emulator cannot listen on port " + port, e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new IllegalStateException("kube emulator did not start on port " + port, e);
    }
  }

  public void close() {
    servers.forEach(HttpServer::close);
  }
}
