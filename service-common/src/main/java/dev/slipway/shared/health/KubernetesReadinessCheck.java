package dev.slipway.shared.health;

import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the Kubernetes API server answers. A bean of every service with a Kubernetes
 * client (the worker and the reconciler); the API has none and excludes it.
 */
@Readiness
@ApplicationScoped
public class KubernetesReadinessCheck implements HealthCheck {
  private final KubernetesClient client;

  KubernetesReadinessCheck(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public HealthCheckResponse call() {
    var builder = HealthCheckResponse.named("kubernetes-api");
    try {
      var version = client.getKubernetesVersion();
      return builder.up().withData("version", version.getGitVersion()).build();
    } catch (RuntimeException e) {
      return builder.down().withData("error", e.getClass().getSimpleName()).build();
    }
  }
}
