package dev.slipway.worker.messaging;

import dev.slipway.common.command.CommandCodec;
import dev.slipway.common.command.CommandEnvelope;
import dev.slipway.common.command.InvalidCommandException;
import dev.slipway.common.metrics.MetricNames;
import dev.slipway.worker.config.WorkerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
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
    String type = "unknown";
    Outcome outcome = null;
    try {
      CommandEnvelope command = CommandCodec.decode(body);
      type = command.type().name().toLowerCase(Locale.ROOT);
      MDC.put("commandId", command.commandId().toString());
      MDC.put("operationId", command.commandId().toString());
      MDC.put("tenant", command.slug());
      MDC.put("commandType", command.type().name());
      outcome = handle(command, receiveCount);
      return outcome;
    } catch (InvalidCommandException e) {
      // Never log the body: it may be huge or hostile. It stays for the dead-letter queue.
      LOG.warnf("invalid command message left for the dead-letter queue: %s", e.getMessage());
      registry.counter(MetricNames.COMMANDS_INVALID).increment();
      outcome = Outcome.retry(Outcome.INVALID, invalidVisibility);
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

  private Outcome handle(CommandEnvelope command, int receiveCount) {
    try {
      return handler.handle(command);
    } catch (RuntimeException e) {
      String reason = Failures.describe(e);
      if (Failures.forbidden(e) != null) {
        // The Status message names verb, resource and namespace ("deployments.apps "x" is
        // forbidden: User ... cannot patch resource ..."): what the Role is missing.
        registry.counter(MetricNames.KUBE_FORBIDDEN).increment();
        LOG.errorf("kubernetes RBAC refused the worker, failing the command: %s", reason);
      }
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
