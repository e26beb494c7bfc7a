package dev.slipway.worker.config;

import io.fabric8.kubernetes.client.Config;
import io.quarkus.kubernetes.client.KubernetesConfigCustomizer;
import jakarta.inject.Singleton;

/**
 * Applies {@code slipway.worker.kubernetes.*} to the fabric8 client at runtime. Quarkus fixes its
 * own {@code quarkus.kubernetes-client.*} keys at build time; a customizer lets one image run with
 * different limits per cluster. The QPS/burst limit is not a client setting (fabric8 has none): the
 * applier takes a token per request, see {@code KubeRequestLimiter}.
 */
@Singleton
public class KubernetesClientLimits implements KubernetesConfigCustomizer {
  private final WorkerConfig.Kubernetes config;

  KubernetesClientLimits(WorkerConfig config) {
    this.config = config.kubernetes();
  }

  @Override
  public void customize(Config client) {
    // One API server host: both limits mean the same, the per-host one would cap at 5 otherwise.
    client.setMaxConcurrentRequests(config.maxConcurrentRequests());
    client.setMaxConcurrentRequestsPerHost(config.maxConcurrentRequests());
    client.setRequestTimeout((int) config.requestTimeout().toMillis());
    client.setRequestRetryBackoffLimit(config.retryBackoffLimit());
    client.setRequestRetryBackoffInterval((int) config.retryBackoffInterval().toMillis());
  }
}
