package dev.slipway.api.deadletters;

import dev.slipway.shared.tracing.MessageTrace;
import dev.slipway.shared.tracing.TraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The re-send of a dead letter as a span of the replay (the ops request or job that asked for it,
 * when one is current), linked to the trace the command started in (its envelope's, recorded when
 * the API wrote it). The message carries this span's context, so the worker's handling joins the
 * replay's trace and links to the original too: hours may lie between the two, and the original
 * trace has long ended.
 */
@ApplicationScoped
class ReplayTracing {
  static final String SPAN_NAME = "slipway.deadletter replay";
  private final Tracer tracer;

  ReplayTracing(Tracer tracer) {
    this.tracer = tracer;
  }

  Span start(DeadLetter m) {
    var builder =
        tracer
            .spanBuilder(SPAN_NAME)
            .setSpanKind(SpanKind.PRODUCER)
            .setAttribute("messaging.system", "aws_sqs")
            .setAttribute("messaging.operation.type", "send")
            .setAttribute("slipway.deadletter.message_id", m.messageId());
    if (m.command() != null) {
      builder.setAttribute("slipway.operation.id", m.command().commandId().toString());
      SpanContext original = TraceContext.spanContext(m.command().trace());
      if (original.isValid()) {
        builder.addLink(original);
      }
    }
    return builder.startSpan();
  }

  static Map<String, MessageAttributeValue> attributes(Span span) {
    return MessageTrace.attributes(Context.current().with(span));
  }

  static void end(Span span, boolean sent) {
    if (!sent) {
      span.setStatus(StatusCode.ERROR, "refused by SQS");
    }
    span.end();
  }
}
