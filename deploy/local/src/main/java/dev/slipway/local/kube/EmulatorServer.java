package dev.slipway.local.kube;

import dev.slipway.local.kube.auth.AccessControl;
import dev.slipway.local.kube.auth.Identities;
import dev.slipway.local.kube.auth.Rbac;
import dev.slipway.local.kube.flow.FlowControl;
import dev.slipway.local.kube.http.ApiServer;
import dev.slipway.local.kube.http.RequestGate;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import java.util.concurrent.TimeUnit;

/**
 * The running part of a {@link KubeEmulator}: the Vert.x event loops, the {@link ApiServer} serving
 * the cluster on a plain and a TLS port, and the periodic watch bookmarks; stopping it stops the
 * cluster's Deployment controller too.
 */
final class EmulatorServer {

  private static final long BOOKMARK_INTERVAL_MS = 1_000;
  private static final int EVENT_LOOPS = Math.max(2, Runtime.getRuntime().availableProcessors());

  private final EmulatedCluster cluster;
  private final Vertx vertx;
  private final ApiServer server;
  private final int port;
  private final int securePort;

  /**
   * Serves {@code cluster} on the ports of {@code options} (0: free ones), guarded by {@code gate},
   * access control (RBAC over the cluster's store) and {@code flow}; on failure stops the
   * controller and the event loops and rethrows.
   */
  EmulatorServer(
      KubeEmulatorOptions options,
      EmulatedCluster cluster,
      RequestGate gate,
      Identities identities,
      FlowControl flow) {
    this.cluster = cluster;
    this.vertx = newVertx();
    this.server =
        new ApiServer(
            vertx,
            cluster.dispatcher(),
            cluster.watches(),
            gate,
            new AccessControl(identities, new Rbac(cluster.store())),
            flow);
    try {
      this.port = server.listen(options.port(), EVENT_LOOPS);
      this.securePort = server.listenSecure(options.securePort(), EVENT_LOOPS);
    } catch (RuntimeException e) {
      stopInfrastructure(); // e.g. port in use: leak neither threads nor the event loop
      throw e;
    }
    vertx.setPeriodic(BOOKMARK_INTERVAL_MS, t -> cluster.watches().sendBookmarks());
  }

  int port() {
    return port;
  }

  int securePort() {
    return securePort;
  }

  /** Stops the server, then the controller and the event loops. */
  void close() {
    server.close();
    stopInfrastructure();
  }

  private void stopInfrastructure() {
    cluster.controller().close();
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // Closing anyway; a stuck event loop only delays JVM exit.
    }
  }

  private static Vertx newVertx() {
    return Vertx.vertx(
        new VertxOptions()
            .setEventLoopPoolSize(EVENT_LOOPS)
            .setWorkerPoolSize(1)
            .setInternalBlockingPoolSize(1)
            // No .vertx cache directory in the working directory: the emulator serves no files.
            .setFileSystemOptions(
                new FileSystemOptions()
                    .setFileCachingEnabled(false)
                    .setClassPathResolvingEnabled(false)));
  }
}
