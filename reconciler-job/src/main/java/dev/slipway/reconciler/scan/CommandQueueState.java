package dev.slipway.reconciler.scan;

import dev.slipway.reconciler.config.ReconcilerConfig;
import dev.slipway.shared.health.QueueProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Reads whether the command queue holds any message at all. Read after the open operations: an
 * operation still open then, whose command was published before, and a queue holding nothing means
 * the message is gone (the worker deletes a message only after finishing its operation, or after
 * moving it to the dead-letter queue, whose commands are then found as lost too, as they were when
 * the queue's redrive moved them). Counts come from the services' one probe, {@link QueueProbe}.
 */
@ApplicationScoped
public class CommandQueueState {
  private static final Logger LOG = Logger.getLogger(CommandQueueState.class);

  /** What the queue showed: empty, holding messages, or not known (not configured, unreadable). */
  public enum State {
    EMPTY,
    HOLDING,
    UNKNOWN,
    UNREADABLE
  }

  private final Instance<SqsClient> sqs;
  private final ReconcilerConfig config;

  CommandQueueState(Instance<SqsClient> sqs, ReconcilerConfig config) {
    this.sqs = sqs;
    this.config = config;
  }

  public State read() {
    var url = config.queue().url();
    if (url.isEmpty()) {
      return State.UNKNOWN;
    }
    try {
      var counts = new QueueProbe(sqs.get(), url.get()).counts();
      return counts.empty() ? State.EMPTY : State.HOLDING;
    } catch (RuntimeException e) {
      // The pass goes on: lost messages are then found by stuck-after, as without a queue URL.
      LOG.warnf("command queue unreadable, lost messages wait for stuck-after: %s", e.toString());
      return State.UNREADABLE;
    }
  }
}
