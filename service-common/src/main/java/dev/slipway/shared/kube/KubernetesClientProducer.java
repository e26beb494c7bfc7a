package dev.slipway.shared.kube;

import dev.slipway.common.metrics.MetricNames;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The fabric8 client of the services that talk to Kubernetes (worker, reconciler): Quarkus' own
 * (same configuration, same serialization) with the {@link ApiServerSignals} interceptor, which
 * tells the worker's applier whether the API server runs API Priority and Fairness and counts its
 * 429s ({@code slipway.kube.throttled}; the reconciler's LIST pages honour them too). Quarkus'
 * producer is a default bean, so this one replaces it. The API has no Kubernetes client: its
 * application.properties excludes this type, as it does {@code KubernetesReadinessCheck}.
 */
public class KubernetesClientProducer {

  @Produces
  @Singleton
  ApiServerSignals signals(MeterRegistry registry) {
    ApiServerSignals signals = new ApiServerSignals();
    FunctionCounter.builder(MetricNames.KUBE_THROTTLED, signals, ApiServerSignals::throttled)
        .description("Kubernetes 429 answers, each retried after its Retry-After")
        .register(registry);
    return signals;
  }

  @Produces
  @Singleton
  KubernetesClient client(
      Config config, KubernetesSerialization serialization, ApiServerSignals signals) {
    return new KubernetesClientBuilder()
        .withKubernetesSerialization(serialization)
        .withConfig(config)
        .withHttpClientBuilderConsumer(
            builder -> builder.addOrReplaceInterceptor(ApiServerSignals.NAME, signals))
        .build();
  }

  void close(@Disposes KubernetesClient client) {
    client.close();
  }
}
