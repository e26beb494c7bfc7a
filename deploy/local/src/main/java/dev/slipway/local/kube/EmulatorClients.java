package dev.slipway.local.kube;

import dev.slipway.local.kube.auth.Identities;
import dev.slipway.local.kube.http.ServerCertificate;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How clients reach a {@link KubeEmulator}: the identities' tokens, the kubeconfigs written for
 * kubectl and the services, and the fabric8 client configurations.
 */
final class EmulatorClients {
  private final Identities identities;
  private final String url;
  private final String secureUrl;
  private final String defaultNamespace;
  private volatile KubernetesClient client;

  EmulatorClients(Identities identities, String url, String secureUrl, String defaultNamespace) {
    this.identities = identities;
    this.url = url;
    this.secureUrl = secureUrl;
    this.defaultNamespace = defaultNamespace;
  }

  /** See {@link KubeEmulator#writeKubeconfig(Path, String)}. */
  Path writeKubeconfig(Path file, String identity) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return Files.writeString(
          file,
          Kubeconfig.render(secureUrl, ServerCertificate.pem(), token(identity), defaultNamespace));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String token(String identity) {
    return identities.named(identity).token();
  }

  /** See {@link KubeEmulator#client()}: created once, on first use. */
  KubernetesClient client() {
    KubernetesClient existing = client;
    if (existing != null) {
      return existing;
    }
    synchronized (this) {
      if (client == null) {
        client = new KubernetesClientBuilder().withConfig(clientConfig(Identities.ADMIN)).build();
      }
      return client;
    }
  }

  /** See {@link KubeEmulator#clientConfig()}. */
  Config clientConfig(String identity) {
    return new ConfigBuilder(Config.empty())
        .withMasterUrl(url)
        .withNamespace(defaultNamespace)
        .withOauthToken(token(identity))
        .withTrustCerts(true)
        .withHttp2Disable(true)
        .build();
  }

  /** Closes the client, if one was created. */
  void close() {
    KubernetesClient current = client;
    if (current != null) {
      current.close();
    }
  }
}
