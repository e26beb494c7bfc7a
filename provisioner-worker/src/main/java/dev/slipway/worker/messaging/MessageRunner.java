package dev.slipway.worker.messaging;

import dev.slipway.common.metrics.MetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/** Runs one held message through the {@link CommandProcessor} on a worker thread. */
@ApplicationScoped
class MessageRunner {
  private static final Logger LOG = Logger.getLogger(MessageRunner.class);
  private final CommandProcessor processor;
  private final AtomicInteger inFlight = new AtomicInteger();

  MessageRunner(CommandProcessor processor, MeterRegistry registry) {
    this.processor = processor;
    registry.gauge(MetricNames.COMMANDS_IN_FLIGHT, inFlight);
  }

  /** Never throws: whatever goes wrong becomes a retry through the queue. */
  Outcome run(Received message) {
    int receiveCount = message.receiveCount();
    inFlight.incrementAndGet();
    try {
      return processor.process(message.id(), message.body(), receiveCount, message.trace());
    } catch (RuntimeException e) {
      // Even recording the failure failed (database down): let the queue redeliver it later.
      LOG.warnf("processing failed before an outcome was recorded: %s", e.toString());
      return Outcome.retry(Outcome.TRANSIENT, Math.min(60, 1 << Math.min(receiveCount, 6)));
    } finally {
      inFlight.decrementAndGet();
    }
  }
}
