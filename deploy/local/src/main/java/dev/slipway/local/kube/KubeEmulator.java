package dev.slipway.local.kube;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Kubernetes API emulator for tests and the local stack: the fabric8 mock server in CRUD mode
 * over plain HTTP on 127.0.0.1, with the additions of {@link EmulatorDispatcher} and an emulated
 * Deployment controller. Both kubectl and the fabric8 client can talk to it. See {@code
 * deploy/local/docs/kube-emulator.md} for what it does not do.
 */
public final class KubeEmulator implements AutoCloseable {

  private static final String TOKEN = "kube-emulator-token";

  /**
   * The mock web server logs every request at INFO; at thousands of requests a second that drowns
   * the services' own logs. Kept in a field: java.util.logging holds loggers weakly.
   */
  private static final java.util.logging.Logger REQUEST_LOG = quietRequestLog();

  private final KubeEmulatorOptions options;
  private final KubernetesMockServer server;
  private final DeploymentController controller;
  private final String url;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile KubernetesClient client;

  private KubeEmulator(KubeEmulatorOptions options) {
    this.options = options;
    EmulatorDispatcher dispatcher = new EmulatorDispatcher();
    this.controller =
        new DeploymentController(dispatcher.raw(), options.namespaces(), options.podReadyDelay());
    dispatcher.setListener(controller::changed);
    this.server =
        new KubernetesMockServer(
            new Context(Serialization.jsonMapper()),
            new MockWebServer(),
            new HashMap<>(),
            dispatcher,
            false,
            new VersionInfo.Builder().withMajor("1").withMinor("30").build());
    try {
      server.start(loopback(), options.port());
    } catch (RuntimeException e) {
      controller.close(); // e.g. port in use: do not leak the controller thread
      throw e;
    }
    this.url = "http://127.0.0.1:" + server.getPort();
    options.namespaces().forEach(ns -> createNamespace(dispatcher.raw(), ns));
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
    return server.getPort();
  }

  /**
   * Writes a kubeconfig for the emulator (server = {@link #url()}, a static token, default
   * namespace = the first configured namespace) and returns {@code file}.
   */
  public Path writeKubeconfig(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return Files.writeString(file, Kubeconfig.render(url, TOKEN, options.defaultNamespace()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
   * A fabric8 client configuration for the emulator that ignores ~/.kube/config, service account
   * files and {@code kubernetes.*} system properties.
   */
  public Config clientConfig() {
    return new ConfigBuilder(Config.empty())
        .withMasterUrl(url)
        .withNamespace(options.defaultNamespace())
        .withOauthToken(TOKEN)
        .withTrustCerts(true)
        .withHttp2Disable(true)
        .build();
  }

  /** Stops the controller, the client and the server; safe to call more than once. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    controller.close();
    KubernetesClient current = client;
    if (current != null) {
      current.close();
    }
    server.shutdown();
  }

  private static void createNamespace(LocalApi api, String name) {
    ObjectNode namespace = Json.object();
    namespace.put("apiVersion", "v1").put("kind", "Namespace");
    namespace.putObject("metadata").put("name", name);
    namespace.putObject("status").put("phase", "Active");
    api.create("/api/v1/namespaces", namespace);
  }

  private static java.util.logging.Logger quietRequestLog() {
    var logger = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");
    logger.setLevel(java.util.logging.Level.WARNING);
    return logger;
  }

  private static InetAddress loopback() {
    try {
      return InetAddress.getByName("127.0.0.1");
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
