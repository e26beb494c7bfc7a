package dev.slipway.worker.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The graceful stop, all within one bound below the pod's termination grace period:
 *
 * <ol>
 *   <li>stop polling; a poll still open releases whatever it returns;
 *   <li>release (visibility 0) every message received but not started;
 *   <li>let running messages finish until the bound;
 *   <li>interrupt what still runs and release its message; the settle-once rule keeps a late finish
 *       from touching it, and the next worker re-runs it idempotently.
 * </ol>
 *
 * Nothing is lost: an unsettled message comes back by itself. Work that ignores the interrupt may
 * run on until the JVM exits, next to its redelivery elsewhere; it can only repeat the same
 * idempotent, generation-guarded apply.
 */
@ApplicationScoped
class ConsumerShutdown {
  private static final Logger LOG = Logger.getLogger(ConsumerShutdown.class);

  /** Receivers still in a long poll get this long to return what they got, then are left. */
  private static final long RECEIVER_GRACE_MS = 2_000;

  private final HeldMessages held;
  private final QueueActions actions;

  ConsumerShutdown(HeldMessages held, QueueActions actions) {
    this.held = held;
    this.actions = actions;
  }

  void run(Receivers receivers, Duration timeout) {
    if (!receivers.running()) {
      return;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    receivers.stopReceiving();
    GroupDispatcher dispatcher = receivers.dispatcher();
    dispatcher.close();
    try {
      if (!dispatcher.awaitIdle(millisLeft(deadline))) {
        cutOff(dispatcher, timeout);
      }
      receivers.awaitReceivers(Math.min(RECEIVER_GRACE_MS, millisLeft(deadline)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    held.all().forEach(actions::release); // whatever a last poll returned meanwhile
    LOG.info("consumer stopped");
  }

  /**
   * Releases first, then interrupts: the interrupted work then finds its message settled and leaves
   * it alone (its own retry could not even reach SQS from an interrupted thread).
   */
  private void cutOff(GroupDispatcher dispatcher, Duration timeout) {
    List<Received> running = held.all();
    LOG.warnf("%d messages not finished within %s, releasing them", running.size(), timeout);
    running.forEach(actions::release);
    dispatcher.abandon();
  }

  private static long millisLeft(long deadlineNanos) {
    return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
  }
}
