package dev.slipway.worker.messaging;

import dev.slipway.common.command.CommandCodec;
import dev.slipway.common.command.CommandEnvelope;
import dev.slipway.common.command.InvalidCommandException;
import dev.slipway.common.metrics.MetricNames;
import dev.slipway.worker.converge.Convergence;
import dev.slipway.worker.converge.Converger;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Handles one queue message end to end and says what to do with it: decodes it, has the {@link
 * Converger} converge it, and maps how that ended to the queue's terms (delete, visible again after
 * a delay, or moved to the dead-letter queue: an undecodable message, or one out of attempts).
 */
@ApplicationScoped
public class CommandProcessor {
  private static final Logger LOG = Logger.getLogger(CommandProcessor.class);
  private final Converger converger;
  private final MeterRegistry registry;
  private final CommandTracing tracing;

  CommandProcessor(Converger converger, MeterRegistry registry, CommandTracing tracing) {
    this.converger = converger;
    this.tracing = tracing;
    this.registry = registry;
  }

  public Outcome process(String messageId, String body, int receiveCount) {
    return process(messageId, body, receiveCount, Map.of());
  }

  /**
   * @param trace the trace headers among the message's attributes (the sender's span), may be empty
   */
  public Outcome process(
      String messageId, String body, int receiveCount, Map<String, String> trace) {
    registry.counter(MetricNames.COMMANDS_RECEIVED).increment();
    Decoded decoded = Decoded.of(body);
    Span span = tracing.start(messageId, trace, decoded.command(), receiveCount);
    try (Scope ignored = span.makeCurrent()) {
      MDC.put("traceId", span.getSpanContext().getTraceId());
      MDC.put("spanId", span.getSpanContext().getSpanId());
      Outcome outcome = process(messageId, decoded, receiveCount);
      span.setAttribute("slipway.outcome", outcome.tag());
      if (outcome.kind() != Outcome.Kind.ACK || Outcome.PERMANENT.equals(outcome.tag())) {
        span.setStatus(StatusCode.ERROR, outcome.tag());
      }
      return outcome;
    } catch (RuntimeException e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
      throw e;
    } finally {
      span.end();
    }
  }

  /** The body decoded, or why it cannot be. */
  private record Decoded(CommandEnvelope command, InvalidCommandException invalid) {
    static Decoded of(String body) {
      try {
        return new Decoded(CommandCodec.decode(body), null);
      } catch (InvalidCommandException e) {
        return new Decoded(null, e);
      }
    }
  }

  private Outcome process(String messageId, Decoded decoded, int receiveCount) {
    MDC.put("messageId", messageId);
    MDC.put("attempt", Integer.toString(receiveCount));
    Timer.Sample sample = Timer.start(registry);
    String type = "unknown";
    Outcome outcome = null;
    try {
      if (decoded.invalid() != null) {
        throw decoded.invalid();
      }
      CommandEnvelope command = decoded.command();
      type = command.type().name().toLowerCase(Locale.ROOT);
      MDC.put("commandId", command.commandId().toString());
      MDC.put("operationId", command.commandId().toString());
      MDC.put("tenant", command.slug());
      MDC.put("commandType", command.type().name());
      outcome = outcome(converger.converge(command, receiveCount));
      return outcome;
    } catch (InvalidCommandException e) {
      // Never log the body: it may be huge or hostile. No retry can make it readable; moved at
      // once, it holds up none of its tenant's later commands.
      LOG.warnf("invalid command message moved to the dead-letter queue: %s", e.getMessage());
      registry.counter(MetricNames.COMMANDS_INVALID).increment();
      outcome = Outcome.deadLetter(Outcome.INVALID, 1);
      return outcome;
    } finally {
      record(sample, type, outcome == null ? "error" : outcome.tag());
      MDC.clear();
    }
  }

  private void record(Timer.Sample sample, String type, String outcome) {
    Tags tags = Tags.of(MetricNames.TAG_TYPE, type, MetricNames.TAG_OUTCOME, outcome);
    registry.counter(MetricNames.COMMANDS_PROCESSED, tags).increment();
    if (Outcome.TRANSIENT.equals(outcome)) {
      registry.counter(MetricNames.COMMAND_RETRIES, MetricNames.TAG_TYPE, type).increment();
    }
    sample.stop(
        Timer.builder(MetricNames.COMMAND_DURATION)
            .tags(tags)
            .publishPercentileHistogram()
            .register(registry));
  }

  /**
   * Converged, already done, forged or failed for good: delete; a transient failure: retry later,
   * or dead-letter it once out of attempts (should that move fail, it is retried in a second).
   */
  static Outcome outcome(Convergence convergence) {
    if (convergence instanceof Convergence.Converged c) {
      return Outcome.ack(c.superseded() ? Outcome.SUPERSEDED : Outcome.SUCCEEDED);
    }
    if (convergence instanceof Convergence.AlreadyDone) {
      return Outcome.ack(Outcome.ALREADY_DONE);
    }
    if (convergence instanceof Convergence.Forged) {
      return Outcome.ack(Outcome.FORGED);
    }
    if (convergence instanceof Convergence.RetryLater r) {
      return Outcome.retry(Outcome.TRANSIENT, (int) Math.max(1, r.delay().toSeconds()));
    }
    if (convergence instanceof Convergence.Exhausted) {
      return Outcome.deadLetter(Outcome.EXHAUSTED, 1);
    }
    return Outcome.ack(Outcome.PERMANENT); // Failed: recorded FAILED, no retry can help
  }
}
