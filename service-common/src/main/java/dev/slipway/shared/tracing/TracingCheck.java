package dev.slipway.shared.tracing;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses to start with {@code slipway.tracing.exporter=otlp} and no collector: Quarkus would
 * otherwise send to localhost:4317, where nothing listens in a pod, and drop every span unseen.
 */
@ApplicationScoped
class TracingCheck {
  void check(@Observes StartupEvent event, TracingConfig config) {
    if (config.exporter() == TracingConfig.Exporter.OTLP
        && config.otlpEndpoint().filter(e -> !e.isBlank()).isEmpty()) {
      throw new IllegalStateException(
          "slipway.tracing.exporter=otlp needs slipway.tracing.otlp-endpoint (the collector)");
    }
  }
}
