package dev.slipway.e2e.tracing;

import java.util.List;
import java.util.Map;

/**
 * One span as a service exported it over OTLP, reduced to what the trace tests check.
 *
 * @param service the resource's {@code service.name}: the process that made the span
 * @param parentSpanId empty for a root span
 * @param kind OTLP's SpanKind number ({@link #SERVER}, {@link #PRODUCER}, ...)
 * @param attributes the span's attributes, every value as text
 * @param links the linked spans as {@code traceId/spanId}
 */
public record ReceivedSpan(
    String service,
    String traceId,
    String spanId,
    String parentSpanId,
    String name,
    int kind,
    Map<String, String> attributes,
    List<String> links) {
  public static final int INTERNAL = 1;
  public static final int SERVER = 2;
  public static final int CLIENT = 3;
  public static final int PRODUCER = 4;
  public static final int CONSUMER = 5;

  public ReceivedSpan {
    attributes = Map.copyOf(attributes);
    links = List.copyOf(links);
  }

  public String attribute(String key) {
    return attributes.get(key);
  }

  public boolean isRoot() {
    return parentSpanId.isEmpty();
  }

  /** This span as a link target or parent reference: {@code traceId/spanId}. */
  public String ref() {
    return traceId + "/" + spanId;
  }

  @Override
  public String toString() {
    return "%s[%s %s/%s<-%s %s links=%s]"
        .formatted(name, service, traceId, spanId, parentSpanId, attributes, links);
  }
}
