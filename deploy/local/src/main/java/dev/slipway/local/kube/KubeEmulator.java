package dev.slipway.local.kube;

import dev.slipway.local.kube.auth.Identities;
import dev.slipway.local.kube.flow.FlowControl;
import dev.slipway.local.kube.store.ObjectStore;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Kubernetes API emulator for tests and the local stack: an indexed object store behind a Vert.x
 * HTTP server on 127.0.0.1, with watches (websocket and chunked HTTP), server-side apply,
 * discovery, fault injection and an emulated Deployment controller. Both kubectl and the fabric8
 * client can talk to it. See {@code deploy/local/docs/kube-emulator.md} for what it does not do.
 */
public final class KubeEmulator implements AutoCloseable {

  private final KubeEmulatorOptions options;
  private final EmulatedCluster cluster;
  private final EmulatorRequests requests;
  private final Identities identities = new Identities();
  private final FlowControl flowControl = new FlowControl();
  private final EmulatorServer server;
  private final EmulatorClients clients;
  private final AtomicBoolean closed = new AtomicBoolean();

  private KubeEmulator(KubeEmulatorOptions options) {
    this.options = options;
    this.cluster = new EmulatedCluster(options);
    this.requests = new EmulatorRequests(cluster.watches());
    this.server = new EmulatorServer(options, cluster, requests, identities, flowControl);
    this.clients = new EmulatorClients(identities, url(), secureUrl(), options.defaultNamespace());
    cluster.seed(options.namespaces());
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
    return "http://127.0.0.1:" + server.port();
  }

  public int port() {
    return server.port();
  }

  /** The API server URL over TLS, where kubeconfigs point: {@code https://127.0.0.1:PORT}. */
  public String secureUrl() {
    return "https://127.0.0.1:" + server.securePort();
  }

  /** Fault injection on the HTTP API: failing or delayed requests, dropped watches. */
  public KubeFaults faults() {
    return requests.faults();
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
    return requests.counts();
  }

  /**
   * Starts counting the requests that match {@code method} ({@code null} or {@code "*"}: any) and a
   * regular expression found in the request URI, e.g. {@code tally("GET", "/deployments/acme")};
   * close it when done.
   */
  public RequestTally tally(String method, String uriPattern) {
    return requests.tally(method, uriPattern);
  }

  /** The store itself, for tests and benchmarks that need many objects fast. */
  public ObjectStore store() {
    return cluster.store();
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
    return clients.writeKubeconfig(file, identity);
  }

  /** The bearer token of an identity (see {@link #writeKubeconfig(Path, String)}). */
  public String token(String identity) {
    return clients.token(identity);
  }

  /** A fabric8 client for the emulator (created once, closed with the emulator). */
  public KubernetesClient client() {
    return clients.client();
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
    return clients.clientConfig(identity);
  }

  /**
   * Whether the emulated Deployment controller has nothing queued or running: benchmarks wait for
   * it after filling the store, so its work does not compete with what they measure.
   */
  public boolean controllerIdle() {
    return cluster.controller().idle();
  }

  /** Stops the controller, the client and the server; safe to call more than once. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      clients.close();
      server.close();
    }
  }
}
