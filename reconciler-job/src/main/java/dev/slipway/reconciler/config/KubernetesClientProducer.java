package dev.slipway.reconciler.config;

import dev.slipway.common.metrics.MetricNames;
import dev.slipway.shared.kube.ApiServerSignals;
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
 * The reconciler's fabric8 client: Quarkus' own (same configuration, same serialization) with the
 * {@link ApiServerSignals} interceptor, which counts the API server's 429s ({@code
 * slipway.kube.throttled}; the LIST pages honour them, see {@code ClusterScanner}). Quarkus'
 * producer is a default bean, so this one replaces it. The worker has the same producer: a bean in
 * service-common would need the Kubernetes client and Micrometer in the API service too.
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
