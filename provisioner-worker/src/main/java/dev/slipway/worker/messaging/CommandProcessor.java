package dev.slipway.worker.messaging;

import dev.slipway.common.command.CommandCodec;
import dev.slipway.common.command.CommandEnvelope;
import dev.slipway.common.command.InvalidCommandException;
import dev.slipway.common.metrics.MetricNames;
import dev.slipway.worker.config.WorkerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Handles one queue message end to end and says what to do with it. Every path is safe under
 * redelivery: see {@link CommandHandler}.
 */
@ApplicationScoped
public class CommandProcessor {
  private static final Logger LOG = Logger.getLogger(CommandProcessor.class);
  private final CommandHandler handler;
  private final MeterRegistry registry;
  private final Backoff backoff;
  private final int invalidVisibility;

  CommandProcessor(CommandHandler handler, MeterRegistry registry, WorkerConfig config) {
    this.handler = handler;
    this.registry = registry;
    this.backoff =
        new Backoff(
            config.retry().baseDelay(),
            config.retry().maxDelay(),
            bound -> ThreadLocalRandom.current().nextLong(bound + 1));
    this.invalidVisibility =
        (int) Math.max(0, config.consumer().invalidMessageVisibility().toSeconds());
  }

  public Outcome process(String messageId, String body, int receiveCount) {
    registry.counter(MetricNames.COMMANDS_RECEIVED).increment();
    MDC.put("messageId", messageId);
    MDC.put("attempt", Integer.toString(receiveCount));
    Timer.Sample sample = Timer.start(registry);
    try {
      CommandEnvelope command = CommandCodec.decode(body);
      MDC.put("commandId", command.commandId().toString());
      MDC.put("tenant", command.slug());
      MDC.put("commandType", command.type().name());
      Outcome outcome = handle(command, receiveCount);
      registry
          .counter(MetricNames.COMMANDS_PROCESSED, MetricNames.TAG_OUTCOME, outcome.tag())
          .increment();
      return outcome;
    } catch (InvalidCommandException e) {
      // Never log the body: it may be huge or hostile. It stays for the dead-letter queue.
      LOG.warnf("invalid command message left for the dead-letter queue: %s", e.getMessage());
      registry.counter(MetricNames.COMMANDS_INVALID).increment();
      return Outcome.retry(Outcome.INVALID, invalidVisibility);
    } finally {
      sample.stop(registry.timer(MetricNames.COMMAND_DURATION));
      MDC.clear();
    }
  }

  private Outcome handle(CommandEnvelope command, int receiveCount) {
    try {
      return handler.handle(command);
    } catch (RuntimeException e) {
      String reason = Failures.describe(e);
      if (Failures.isPermanent(e)) {
        LOG.errorf("command failed permanently: %s", reason);
        handler.recordPermanentFailure(command, reason);
        return Outcome.ack(Outcome.PERMANENT);
      }
      int delay = backoff.visibilitySeconds(receiveCount);
      LOG.warnf("command failed, retrying in %d s: %s", delay, reason);
      handler.recordRetry(command, reason);
      return Outcome.retry(Outcome.TRANSIENT, delay);
    }
  }
}
