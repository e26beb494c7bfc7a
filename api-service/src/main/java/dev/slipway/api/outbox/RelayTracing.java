package dev.slipway.api.outbox;

import dev.slipway.common.command.CommandCodec;
import dev.slipway.common.command.CommandEnvelope;
import dev.slipway.common.command.InvalidCommandException;
import dev.slipway.shared.tracing.MessageTrace;
import dev.slipway.shared.tracing.TraceContext;
import dev.slipway.shared.tracing.TraceLog;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The relay's send of one command as a span of that command's trace: a PRODUCER span whose parent
 * is the trace context the API recorded in the envelope when it wrote the row (so the HTTP request,
 * this send and the worker's handling form one trace, although the send happens later, on the
 * relay's thread, perhaps on another replica). The message carries the send span's context as the
 * {@code traceparent}/{@code tracestate} message attributes; the worker continues from there.
 */
final class RelayTracing {
  static final AttributeKey<String> OPERATION_ID = AttributeKey.stringKey("slipway.operation.id");
  static final AttributeKey<String> GROUP = AttributeKey.stringKey("messaging.message.group_id");
  static final String SPAN_NAME = "slipway.commands publish";
  private static final Logger LOG = Logger.getLogger(RelayTracing.class);

  private final Tracer tracer;

  RelayTracing(Tracer tracer) {
    this.tracer = tracer;
  }

  /** The open send spans of one request, by outbox row id. */
  final class Sends {
    private final Map<Long, Span> spans = new HashMap<>();
    private final Map<Long, String> operations = new HashMap<>();

    Sends(List<PendingCommand> request) {
      for (PendingCommand c : request) {
        operations.put(c.id(), c.operationId());
        spans.put(
            c.id(),
            tracer
                .spanBuilder(SPAN_NAME)
                .setParent(TraceContext.extract(recordedTrace(c.body())))
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "aws_sqs")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute(OPERATION_ID, c.operationId())
                .setAttribute(GROUP, c.groupId())
                .startSpan());
      }
    }

    /** The message attributes that carry the send span's context to the worker. */
    Map<String, MessageAttributeValue> attributes(PendingCommand c) {
      return MessageTrace.attributes(Context.root().with(spans.get(c.id())));
    }

    /**
     * Ends every span: the accepted ones as sent, the rest with the error (null when none), each
     * refused command logged in its own trace (the relay's round lines name no single command).
     */
    void end(List<Long> accepted, String error) {
      spans.forEach(
          (id, span) -> {
            if (!accepted.contains(id)) {
              String why = error == null ? "not sent" : error;
              span.setStatus(StatusCode.ERROR, why);
              TraceLog.in(
                  span, () -> LOG.warnf("operation %s not published: %s", operations.get(id), why));
            }
            span.end();
          });
    }
  }

  Sends start(List<PendingCommand> request) {
    return new Sends(request);
  }

  /** The trace context the API recorded in the row's envelope; empty when the body has none. */
  static Map<String, String> recordedTrace(String body) {
    try {
      CommandEnvelope command = CommandCodec.decode(body);
      return command.trace();
    } catch (InvalidCommandException e) {
      return Map.of(); // the worker leaves it for the dead-letter queue; the send goes on
    }
  }
}
