package dev.slipway.shared.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.Map;

/**
 * W3C trace context ({@code traceparent}, {@code tracestate}) as a plain map: the form it takes in
 * the command envelope's {@code trace} field and in the SQS message attributes. W3C is fixed here
 * rather than taken from the configured propagators: the envelope is a wire contract between
 * services that may be configured differently.
 */
public final class TraceContext {
  public static final String TRACEPARENT = "traceparent";
  public static final String TRACESTATE = "tracestate";

  private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

  private static final TextMapGetter<Map<String, String>> GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private TraceContext() {}

  /** The current span's context; empty when there is none (no request, tracing disabled). */
  public static Map<String, String> current() {
    return of(Context.current());
  }

  /** The context's span as W3C headers; empty when it has no valid span. */
  public static Map<String, String> of(Context context) {
    if (!Span.fromContext(context).getSpanContext().isValid()) {
      return Map.of();
    }
    Map<String, String> headers = new HashMap<>();
    W3C.inject(context, headers, (carrier, key, value) -> carrier.put(key, value));
    return Map.copyOf(headers);
  }

  /** A context whose remote parent is the span the headers name (the root context when none). */
  public static Context extract(Map<String, String> headers) {
    if (headers == null || headers.isEmpty()) {
      return Context.root();
    }
    return W3C.extract(Context.root(), headers, GETTER);
  }

  /** The span the headers name; invalid when they name none or are malformed. */
  public static SpanContext spanContext(Map<String, String> headers) {
    return Span.fromContext(extract(headers)).getSpanContext();
  }
}
