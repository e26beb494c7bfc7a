package dev.slipway.shared.tracing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * Where the spans of every service go, under {@code slipway.tracing}: one mapping for api, worker
 * and reconciler, set once per environment in the {@code slipway-tracing} ConfigMap
 * (deploy/k8s/base). Spans are always made and their ids always propagated and logged (a command
 * can be followed through the logs by its trace id with no collector); they leave the process only
 * when an exporter is chosen here. Quarkus' own OTLP exporter would otherwise send to
 * localhost:4317 whether or not anything listens there. docs/configuration.md lists the keys.
 */
@ConfigMapping(prefix = "slipway.tracing")
public interface TracingConfig {

  /** The key that switches export on. */
  String EXPORTER_KEY = "slipway.tracing.exporter";

  /**
   * {@code none} (the default: spans are dropped after their ids reached the logs and the messages)
   * or {@code otlp} (sent to {@link #otlpEndpoint()}).
   */
  @WithDefault("none")
  Exporter exporter();

  /**
   * The OTLP collector (gRPC, e.g. {@code http://otel-collector.monitoring:4317}); required with
   * {@code exporter=otlp}, and without it the service refuses to start instead of sending to a
   * default address. The services' application.properties hand it to Quarkus as {@code
   * quarkus.otel.exporter.otlp.traces.endpoint}.
   */
  Optional<String> otlpEndpoint();

  /** Span exporters a deployment may choose. */
  enum Exporter {
    NONE,
    OTLP
  }
}
