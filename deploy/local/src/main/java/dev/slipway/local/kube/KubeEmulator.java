package dev.slipway.local.kube;

import dev.slipway.local.kube.auth.AccessControl;
import dev.slipway.local.kube.auth.Identities;
import dev.slipway.local.kube.auth.Rbac;
import dev.slipway.local.kube.controllers.DeploymentController;
import dev.slipway.local.kube.controllers.PodStartup;
import dev.slipway.local.kube.flow.FlowControl;
import dev.slipway.local.kube.http.ApiServer;
import dev.slipway.local.kube.http.Discovery;
import dev.slipway.local.kube.http.EmulatorDispatcher;
import dev.slipway.local.kube.http.ServerCertificate;
import dev.slipway.local.kube.store.LocalApi;
import dev.slipway.local.kube.store.ManifestSeed;
import dev.slipway.local.kube.store.ObjectStore;
import dev.slipway.local.kube.watch.WatchHub;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Kubernetes API emulator for tests and the local stack: an indexed object store behind a Vert.x
 * HTTP server on 127.0.0.1, with watches (websocket and chunked HTTP), server-side apply,
 * discovery, fault injection and an emulated Deployment controller. Both kubectl and the fabric8
 * client can talk to it. See {@code deploy/local/docs/kube-emulator.md} for what it does not do.
 */
public final class KubeEmulator implements AutoCloseable {

  private static final long BOOKMARK_INTERVAL_MS = 1_000;
  private static final int EVENT_LOOPS = Math.max(2, Runtime.getRuntime().availableProcessors());

  private final KubeEmulatorOptions options;
  private final ObjectStore store = new ObjectStore(Clock.systemUTC());
  private final DeploymentController controller;
  private final KubeFaults faults;
  private final RequestTallies tallies = new RequestTallies();
  private final RequestCounts counts = new RequestCounts();
  private final Identities identities = new Identities();
  private final FlowControl flowControl = new FlowControl();
  private final Vertx vertx;
  private final ApiServer server;
  private final int port;
  private final int securePort;
  private final String url;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile KubernetesClient client;

  private KubeEmulator(KubeEmulatorOptions options) {
    this.options = options;
    Discovery discovery = new Discovery();
    WatchHub watches = new WatchHub(store, discovery.kinds());
    this.controller =
        new DeploymentController(
            new LocalApi(store),
            options.namespaces(),
            new PodStartup(options.podReadyDelay(), options.slowStartDelay()));
    store.addListener(controller::changed);
    this.faults = new KubeFaults(watches);
    this.vertx = newVertx();
    this.server =
        new ApiServer(
            vertx,
            new EmulatorDispatcher(store, discovery),
            watches,
            (method, uri) -> {
              tallies.seen(method, uri);
              counts.seen(method, uri);
              return faults.plan(method, uri);
            },
            new AccessControl(identities, new Rbac(store)),
            flowControl);
    try {
      this.port = server.listen(options.port(), EVENT_LOOPS);
      this.securePort = server.listenSecure(options.securePort(), EVENT_LOOPS);
    } catch (RuntimeException e) {
      stopInfrastructure(); // e.g. port in use: leak neither threads nor the event loop
      throw e;
    }
    vertx.setPeriodic(BOOKMARK_INTERVAL_MS, t -> watches.sendBookmarks());
    this.url = "http://127.0.0.1:" + port;
    new ManifestSeed(store, discovery.kinds()).seed(options.namespaces());
  }

  /** Starts an emulator; close it when done. */
  public static KubeEmulator start(KubeEmulatorOptions options) {
    return new KubeEmulator(options);
  }

  public static KubeEmulator start() {
    return start(KubeEmulatorOptions.defaults());
  }

  public KubeEmulatorOptions options() {
    return options;
  }

  /** The API server URL, plain HTTP: {@code http://127.0.0.1:PORT}. */
  public String url() {
    return url;
  }

  public int port() {
    return port;
  }

  /** The API server URL over TLS, where kubeconfigs point: {@code https://127.0.0.1:PORT}. */
  public String secureUrl() {
    return "https://127.0.0.1:" + securePort;
  }

  /** Fault injection on the HTTP API: failing or delayed requests, dropped watches. */
  public KubeFaults faults() {
    return faults;
  }

  /**
   * API Priority and Fairness: seats per identity's priority level, 429 with Retry-After beyond
   * them. Unlimited until a test or the local stack calls {@link FlowControl#limit}.
   */
  public FlowControl flowControl() {
    return flowControl;
  }

  /** Every request received, counted by verb and resource (see {@link RequestCounts}). */
  public RequestCounts requestCounts() {
    return counts;
  }

  /**
   * Starts counting the requests that match {@code method} ({@code null} or {@code "*"}: any) and a
   * regular expression found in the request URI, e.g. {@code tally("GET", "/deployments/acme")};
   * close it when done.
   */
  public RequestTally tally(String method, String uriPattern) {
    return tallies.open(method, uriPattern);
  }

  /** The store itself, for tests and benchmarks that need many objects fast. */
  public ObjectStore store() {
    return store;
  }

  /**
   * Writes an admin kubeconfig for the emulator (server = {@link #secureUrl()} with the emulator's
   * certificate as its authority, the admin's token, default namespace = the first configured
   * namespace) and returns {@code file}.
   */
  public Path writeKubeconfig(Path file) {
    return writeKubeconfig(file, Identities.ADMIN);
  }

  /**
   * As {@link #writeKubeconfig(Path)} with the token of {@code identity}: {@link Identities#ADMIN}
   * or a service account's name ({@link Identities#WORKER}, {@link Identities#RECONCILER}, {@link
   * Identities#API_SERVICE}).
   */
  public Path writeKubeconfig(Path file, String identity) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return Files.writeString(
          file,
          Kubeconfig.render(
              secureUrl(), ServerCertificate.pem(), token(identity), options.defaultNamespace()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bearer token of an identity (see {@link #writeKubeconfig(Path, String)}). */
  public String token(String identity) {
    return identities.named(identity).token();
  }

  /** A fabric8 client for the emulator (created once, closed with the emulator). */
  public KubernetesClient client() {
    KubernetesClient existing = client;
    if (existing != null) {
      return existing;
    }
    synchronized (this) {
      if (client == null) {
        client = new KubernetesClientBuilder().withConfig(clientConfig()).build();
      }
      return client;
    }
  }

  /**
   * The admin's fabric8 client configuration for the emulator; it ignores ~/.kube/config, service
   * account files and {@code kubernetes.*} system properties.
   */
  public Config clientConfig() {
    return clientConfig(Identities.ADMIN);
  }

  /** As {@link #clientConfig()}, authenticated as {@code identity}. */
  public Config clientConfig(String identity) {
    return new ConfigBuilder(Config.empty())
        .withMasterUrl(url)
        .withNamespace(options.defaultNamespace())
        .withOauthToken(token(identity))
        .withTrustCerts(true)
        .withHttp2Disable(true)
        .build();
  }

  /**
   * Whether the emulated Deployment controller has nothing queued or running: benchmarks wait for
   * it after filling the store, so its work does not compete with what they measure.
   */
  public boolean controllerIdle() {
    return controller.idle();
  }

  /** Stops the controller, the client and the server; safe to call more than once. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    KubernetesClient current = client;
    if (current != null) {
      current.close();
    }
    server.close();
    stopInfrastructure();
  }

  private void stopInfrastructure() {
    controller.close();
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
