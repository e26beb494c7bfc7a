package dev.slipway.worker.messaging;

import dev.slipway.common.command.CommandEnvelope;
import dev.slipway.shared.tracing.TraceContext;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * The span of one delivery of a command, continuing the trace the message names:
 *
 * <ul>
 *   <li>first delivery: a child of the span that sent the message (its {@code traceparent}
 *       attribute: the relay's send, or a dead-letter replay), else of the trace context the
 *       envelope recorded (a message from a sender that sets no attributes);
 *   <li>a redelivery (receive count above 1): a new trace linked to that span. A command retried
 *       for an hour would otherwise grow one trace without end; the link leads back to it;
 *   <li>whenever the envelope's recorded context is in another trace than the sender's (a replayed
 *       dead letter: its replay is a trace of its own), a link to the envelope's, the command's
 *       original trace.
 * </ul>
 */
@ApplicationScoped
class CommandTracing {
  static final String SPAN_NAME = "slipway.commands process";
  static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("slipway.attempt");

  private final Tracer tracer;

  CommandTracing(Tracer tracer) {
    this.tracer = tracer;
  }

  /**
   * @param sender the trace headers among the message attributes (may be empty)
   * @param command the decoded command, null when the body is unreadable
   */
  Span start(String messageId, Map<String, String> sender, CommandEnvelope command, int attempt) {
    Map<String, String> recorded = command == null ? Map.of() : command.trace();
    SpanContext sent = TraceContext.spanContext(sender);
    SpanContext delivered = sent.isValid() ? sent : TraceContext.spanContext(recorded);
    SpanContext original = TraceContext.spanContext(recorded);
    SpanBuilder span =
        tracer
            .spanBuilder(SPAN_NAME)
            .setSpanKind(SpanKind.CONSUMER)
            .setAttribute("messaging.system", "aws_sqs")
            .setAttribute("messaging.operation.type", "process")
            .setAttribute("messaging.message.id", messageId)
            .setAttribute(ATTEMPT, (long) attempt);
    if (attempt > 1 || !delivered.isValid()) {
      span.setNoParent();
      if (delivered.isValid()) {
        span.addLink(delivered);
      }
    } else {
      span.setParent(io.opentelemetry.context.Context.root().with(Span.wrap(delivered)));
    }
    if (original.isValid() && !original.getTraceId().equals(delivered.getTraceId())) {
      span.addLink(original);
    }
    if (command != null) {
      span.setAttribute("slipway.operation.id", command.commandId().toString())
          .setAttribute("slipway.command.type", command.type().name())
          .setAttribute("slipway.tenant", command.slug());
    }
    return span.startSpan();
  }
}
