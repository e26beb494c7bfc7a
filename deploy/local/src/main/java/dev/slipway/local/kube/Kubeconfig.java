package dev.slipway.local.kube;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Renders the kubeconfig for an emulator; plain text because its shape never varies. */
final class Kubeconfig {

  static final String NAME = "kube-emulator";

  private Kubeconfig() {}

  static String render(String server, String caPem, String token, String namespace) {
    String ca = Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.UTF_8));
    return """
        apiVersion: v1
        kind: Config
        clusters:
        - name: %1$s
          cluster:
            server: %2$s
            certificate-authority-data: %5$s
        users:
        - name: %1$s
          user:
            token: %3$s
        contexts:
        - name: %1$s
          context:
            cluster: %1$s
            user: %1$s
            namespace: %4$s
        current-context: %1$s
        preferences: {}
        """
        .formatted(NAME, server, token, namespace, ca);
  }
}
