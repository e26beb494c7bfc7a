package dev.slipway.local.kube.http;

import dev.slipway.local.kube.api.ApiException;
import dev.slipway.local.kube.api.ApiRequest;
import dev.slipway.local.kube.api.ApiResponse;
import dev.slipway.local.kube.api.RequestPath;
import dev.slipway.local.kube.api.Responses;
import dev.slipway.local.kube.auth.AccessControl;
import dev.slipway.local.kube.auth.Identity;
import dev.slipway.local.kube.flow.FlowControl;
import dev.slipway.local.kube.flow.PriorityLevel;
import dev.slipway.local.kube.watch.HttpWatchSink;
import dev.slipway.local.kube.watch.WatchHub;
import dev.slipway.local.kube.watch.WatchSpec;
import dev.slipway.local.kube.watch.WebSocketWatchSink;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/**
 * The emulator's HTTP front: Vert.x servers on 127.0.0.1 ({@link ApiListeners}, one per event loop)
 * that read each request, apply injected faults, and either answer it through the {@link
 * EmulatorDispatcher} or open a watch (a websocket when the client asks for an upgrade, otherwise a
 * chunked HTTP stream). Handlers run on the event loop: the store never blocks for long, and watch
 * streams need no thread of their own.
 */
public final class ApiServer {

  private final Vertx vertx;
  private final EmulatorDispatcher dispatcher;
  private final WatchHub watches;
  private final RequestGate gate;
  private final AccessControl access;
  private final FlowControl flow;
  private final ApiListeners listeners;
  private final ApiListeners secureListeners;

  public ApiServer(
      Vertx vertx,
      EmulatorDispatcher dispatcher,
      WatchHub watches,
      RequestGate gate,
      AccessControl access,
      FlowControl flow) {
    this.vertx = vertx;
    this.listeners = new ApiListeners(vertx, null);
    this.secureListeners = new ApiListeners(vertx, ServerCertificate.keyCertOptions());
    this.dispatcher = dispatcher;
    this.watches = watches;
    this.gate = gate;
    this.access = access;
    this.flow = flow;
  }

  /** Starts listening on {@code port} (0: a free one) with one server per event loop. */
  public int listen(int port, int eventLoops) {
    return listeners.listen(port, eventLoops, this::handle);
  }

  /**
   * As {@link #listen}, over HTTPS with {@link ServerCertificate}: kubectl sends credentials only
   * to a server it reaches over TLS, so kubeconfigs point here.
   */
  public int listenSecure(int port, int eventLoops) {
    return secureListeners.listen(port, eventLoops, this::handle);
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
    RequestGate.Plan plan = gate.plan(method, request.uri());
    if (plan.delay().isZero()) {
      answer(request, api, plan.status());
    } else {
      vertx.setTimer(plan.delay().toMillis(), t -> answer(request, api, plan.status()));
    }
  }

  /**
   * Authentication, then API Priority and Fairness (a seat of the identity's priority level, or a
   * 429 with Retry-After), then authorization and the request itself, in kube-apiserver's filter
   * order. Every answer after authentication carries the APF headers.
   */
  private void answer(HttpServerRequest request, ApiRequest api, int injectedStatus) {
    if (injectedStatus != 0) {
      String reason = Responses.reasonFor(injectedStatus);
      send(request, Responses.error(injectedStatus, reason, "injected fault: " + reason));
      return;
    }
    Identity identity = null;
    if (!AccessControl.isPublicInfo(api.path())) {
      identity = access.authenticate(request.getHeader("Authorization"));
      if (identity == null) {
        send(request, AccessControl.unauthorized());
        return;
      }
    }
    PriorityLevel level = flow.classify(identity);
    request
        .response()
        .putHeader("X-Kubernetes-PF-FlowSchema-UID", level.flowSchemaUid())
        .putHeader("X-Kubernetes-PF-PriorityLevel-UID", level.uid());
    FlowControl.Seat seat = flow.admit(level);
    if (seat == null) {
      request.response().putHeader("Retry-After", String.valueOf(FlowControl.RETRY_AFTER_SECONDS));
      send(request, Responses.tooManyRequests(FlowControl.RETRY_AFTER_SECONDS));
      return;
    }
    ApiResponse answer = identity == null ? null : authorize(identity, api);
    RequestPath path = api.method().equals("GET") ? RequestPath.parse(api.path()) : null;
    if (answer == null && path != null && (path.watchPrefix() || api.flag("watch"))) {
      seat.release(); // a watch holds no seat once it runs, as on a real server
      watch(request, api, path);
      return;
    }
    ApiResponse response = answer != null ? answer : dispatcher.dispatch(api);
    long holdMillis = flow.hold().toMillis();
    if (holdMillis <= 0) {
      send(request, response);
      seat.release();
    } else {
      vertx.setTimer(
          holdMillis,
          t -> {
            send(request, response);
            seat.release();
          });
    }
  }

  /** The 403 or review answer that ends a request here; null to serve it. */
  private ApiResponse authorize(Identity identity, ApiRequest api) {
    ApiResponse denied = access.deny(identity, api);
    return denied != null ? denied : access.review(identity, api);
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

  public void close() {
    listeners.close();
    secureListeners.close();
  }
}
