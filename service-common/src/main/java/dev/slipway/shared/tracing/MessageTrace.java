package dev.slipway.shared.tracing;

import io.opentelemetry.context.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Trace context as SQS message attributes ({@code traceparent}, {@code tracestate}, String type):
 * what the relay and the dead-letter replay attach to a command message, and what the worker asks
 * for when it receives. The attributes name the sending span, which is younger than the trace
 * context the envelope recorded when the command was written.
 */
public final class MessageTrace {
  /** The attribute names a receiver asks for. */
  public static final List<String> NAMES =
      List.of(TraceContext.TRACEPARENT, TraceContext.TRACESTATE);

  private MessageTrace() {}

  /** The context's span as message attributes; empty when it has none. */
  public static Map<String, MessageAttributeValue> attributes(Context context) {
    Map<String, MessageAttributeValue> out = new HashMap<>();
    TraceContext.of(context)
        .forEach(
            (name, value) ->
                out.put(
                    name,
                    MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
    return out;
  }

  /** The trace headers among a received message's attributes. */
  public static Map<String, String> headers(Map<String, MessageAttributeValue> attributes) {
    Map<String, String> out = new HashMap<>();
    for (String name : NAMES) {
      MessageAttributeValue value = attributes == null ? null : attributes.get(name);
      if (value != null && value.stringValue() != null) {
        out.put(name, value.stringValue());
      }
    }
    return out;
  }
}
