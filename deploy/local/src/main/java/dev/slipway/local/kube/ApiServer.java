package dev.slipway.local.kube;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The emulator's HTTP front: a Vert.x server on 127.0.0.1 that reads each request, applies injected
 * faults, and either answers it through the {@link EmulatorDispatcher} or opens a watch (a
 * websocket when the client asks for an upgrade, otherwise a chunked HTTP stream). Handlers run on
 * the event loop: the store never blocks for long, and watch streams need no thread of their own.
 */
final class ApiServer {

  private final Vertx vertx;
  private final EmulatorDispatcher dispatcher;
  private final WatchHub watches;
  private final KubeFaults faults;
  private HttpServer server;

  ApiServer(Vertx vertx, EmulatorDispatcher dispatcher, WatchHub watches, KubeFaults faults) {
    this.vertx = vertx;
    this.dispatcher = dispatcher;
    this.watches = watches;
    this.faults = faults;
  }

  /** Starts listening; returns the bound port. Fails when the port is taken. */
  int listen(int port) {
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost("127.0.0.1")
            .setPort(port)
            .setMaxInitialLineLength(64 * 1024)
            .setMaxWebSocketFrameSize(16 * 1024 * 1024)
            .setMaxWebSocketMessageSize(64 * 1024 * 1024);
    try {
      server =
          vertx
              .createHttpServer(options)
              .requestHandler(this::handle)
              .listen()
              .toCompletionStage()
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS);
      return server.actualPort();
    } catch (ExecutionException e) {
      throw new IllegalStateException("kube emulator cannot listen on port " + port, e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new IllegalStateException("kube emulator did not start on port " + port, e);
    }
  }

  private void handle(HttpServerRequest request) {
    if (!hasBody(request)) {
      serve(request, new byte[0]);
      return;
    }
    request
        .body()
        .onSuccess(body -> serve(request, body.getBytes()))
        .onFailure(e -> request.response().setStatusCode(400).end());
  }

  private void serve(HttpServerRequest request, byte[] body) {
    String method = request.method().name();
    ApiRequest api = ApiRequest.of(method, request.uri(), request.getHeader("Content-Type"), body);
    KubeFaults.Plan plan = faults.plan(method, request.uri());
    if (plan.delay().isZero()) {
      answer(request, api, plan.status());
    } else {
      vertx.setTimer(plan.delay().toMillis(), t -> answer(request, api, plan.status()));
    }
  }

  private void answer(HttpServerRequest request, ApiRequest api, int injectedStatus) {
    if (injectedStatus != 0) {
      String reason = Responses.reasonFor(injectedStatus);
      send(request, Responses.error(injectedStatus, reason, "injected fault: " + reason));
      return;
    }
    RequestPath path = api.method().equals("GET") ? RequestPath.parse(api.path()) : null;
    if (path != null && (path.watchPrefix() || api.flag("watch"))) {
      watch(request, api, path);
    } else {
      send(request, dispatcher.dispatch(api));
    }
  }

  private void watch(HttpServerRequest request, ApiRequest api, RequestPath path) {
    WatchSpec spec;
    try {
      spec = WatchSpec.of(api, path);
    } catch (ApiException e) {
      send(request, Responses.error(e));
      return;
    } catch (NumberFormatException e) {
      send(request, Responses.error(400, "BadRequest", "invalid timeoutSeconds"));
      return;
    }
    Context context = vertx.getOrCreateContext();
    if ("websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
      var connection = request.connection();
      request
          .toWebSocket()
          .onSuccess(ws -> watches.start(spec, new WebSocketWatchSink(ws, connection), context));
    } else {
      watches.start(spec, new HttpWatchSink(request.response()), context);
    }
  }

  private static void send(HttpServerRequest request, ApiResponse response) {
    request
        .response()
        .setStatusCode(response.code())
        .putHeader("Content-Type", response.contentType())
        .end(Buffer.buffer(response.body()));
  }

  private static boolean hasBody(HttpServerRequest request) {
    String length = request.getHeader("Content-Length");
    if (length != null && !length.isBlank()) {
      return !length.trim().equals("0");
    }
    return request.getHeader("Transfer-Encoding") != null;
  }

  void close() {
    if (server != null) {
      server.close();
    }
  }
}
