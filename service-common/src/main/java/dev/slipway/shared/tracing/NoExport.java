package dev.slipway.shared.tracing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.inject.Singleton;
import java.util.Collection;

/**
 * The span exporter while {@code slipway.tracing.exporter} is {@code none}: drops every span. Any
 * SpanExporter bean keeps Quarkus from installing its OTLP exporter (it checks for one at start),
 * so with {@code otlp} this bean hides itself from lookup and the OTLP exporter takes over. Tests
 * add an in-memory exporter bean beside it.
 */
@Singleton
@Unremovable
@LookupIfProperty(name = TracingConfig.EXPORTER_KEY, stringValue = "none", lookupIfMissing = true)
public class NoExport implements SpanExporter {

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode flush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }
}
