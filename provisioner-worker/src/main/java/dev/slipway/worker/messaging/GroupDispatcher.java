package dev.slipway.worker.messaging;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs held messages on the worker pool, one message group (tenant) at a time: a group's messages
 * queue behind each other in arrival order and run on one worker in turn; different groups run in
 * parallel. SQS FIFO hands out a group's messages only in order and never to two receivers at once
 * (while one is in flight), so arrival order is queue order; this keeps it on the worker side.
 *
 * <p>When a message is sent back for a retry, the rest of its group is released unprocessed: they
 * must not run before it, and the queue will not hand them out again until it is settled. A message
 * moved to the dead-letter queue is settled: the group goes on with its next message.
 */
final class GroupDispatcher {
  private final ExecutorService workers;
  private final MessageRunner runner;
  private final QueueActions actions;
  private final Map<String, Deque<Received>> groups = new HashMap<>();
  private boolean closed;

  GroupDispatcher(ExecutorService workers, MessageRunner runner, QueueActions actions) {
    this.workers = workers;
    this.runner = runner;
    this.actions = actions;
  }

  /** Queues the message behind its group; false once closed (the caller releases it). */
  synchronized boolean submit(Received message) {
    if (closed) {
      return false;
    }
    Deque<Received> queue = groups.get(message.group());
    if (queue == null) {
      queue = new ArrayDeque<>();
      groups.put(message.group(), queue);
      String group = message.group();
      workers.execute(() -> drain(group));
    }
    queue.add(message);
    return true;
  }

  private void drain(String group) {
    for (Received message = next(group); message != null; message = next(group)) {
      Outcome outcome = runner.run(message);
      if (outcome.kind() == Outcome.Kind.ACK) {
        actions.delete(message);
      } else if (outcome.kind() != Outcome.Kind.DEAD_LETTER || !actions.deadLetter(message)) {
        // The group is given up here before the retried message becomes visible again: a quick
        // redelivery (visibility 0) must start a new run, not land in this group's leftovers.
        takeRest(group).forEach(actions::release);
        actions.retryLater(message, outcome.visibilitySeconds());
        return;
      }
    }
  }

  /** The group's next message; null (and the group is idle) when none is left or closed. */
  private synchronized Received next(String group) {
    Deque<Received> queue = groups.get(group);
    if (queue == null || queue.isEmpty() || closed) {
      groups.remove(group);
      return null;
    }
    return queue.poll();
  }

  private synchronized List<Received> takeRest(String group) {
    Deque<Received> rest = groups.remove(group);
    return rest == null ? List.of() : List.copyOf(rest);
  }

  /**
   * Stops taking messages and releases those not started; running ones go on. Their groups' later
   * messages are released while they still run: the queue holds those back until the running one is
   * deleted or visible again, so order survives the handover.
   */
  void close() {
    List<Received> unstarted = new ArrayList<>();
    synchronized (this) {
      closed = true;
      groups.values().forEach(unstarted::addAll);
      groups.values().forEach(Deque::clear);
    }
    unstarted.forEach(actions::release);
    workers.shutdown();
  }

  /** Waits for running messages to finish; true when they all did in time. */
  boolean awaitIdle(long timeoutMillis) throws InterruptedException {
    return workers.awaitTermination(Math.max(0, timeoutMillis), TimeUnit.MILLISECONDS);
  }

  /** Interrupts what still runs; the caller then releases its messages. */
  void abandon() {
    workers.shutdownNow();
  }
}
