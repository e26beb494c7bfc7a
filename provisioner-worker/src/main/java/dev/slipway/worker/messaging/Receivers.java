package dev.slipway.worker.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The consumer's threads while it runs: the receiver threads and the worker pool behind one {@link
 * GroupDispatcher}. A stop and a new start get fresh ones (tests stop and restart the consumer).
 */
@ApplicationScoped
class Receivers {
  private final MessageRunner runner;
  private final QueueActions actions;
  private volatile boolean running;
  private volatile Instant[] polls = new Instant[0];
  private List<Thread> threads = List.of();
  private GroupDispatcher dispatcher;

  Receivers(MessageRunner runner, QueueActions actions) {
    this.runner = runner;
    this.actions = actions;
  }

  synchronized void start(int receivers, int workers, Consumer<Loop> body) {
    if (running) {
      return;
    }
    running = true;
    dispatcher = new GroupDispatcher(workerPool(workers), runner, actions);
    Instant now = Instant.now();
    polls = new Instant[receivers];
    Arrays.fill(polls, now);
    List<Thread> started = new ArrayList<>();
    for (int i = 0; i < receivers; i++) {
      Loop loop = new Loop(i);
      // Daemon: a long poll still waiting at exit must not hold the JVM (see ConsumerShutdown).
      Thread thread = new Thread(() -> body.accept(loop), "queue-receiver-" + i);
      thread.setDaemon(true);
      thread.start();
      started.add(thread);
    }
    threads = List.copyOf(started);
  }

  boolean running() {
    return running;
  }

  synchronized GroupDispatcher dispatcher() {
    return dispatcher;
  }

  /** When the receiver that polled longest ago last polled; null when not running. */
  Instant stalest() {
    return running ? Arrays.stream(polls).min(Comparator.naturalOrder()).orElse(null) : null;
  }

  void stopReceiving() {
    running = false;
  }

  /** Waits for the receivers' last polls to return; true if they all did. */
  boolean awaitReceivers(long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    for (Thread thread : threads) {
      thread.join(Math.max(1, deadline - System.currentTimeMillis()));
    }
    return threads.stream().noneMatch(Thread::isAlive);
  }

  private static ExecutorService workerPool(int workers) {
    AtomicInteger count = new AtomicInteger();
    return Executors.newFixedThreadPool(
        Math.max(1, workers),
        r -> {
          Thread thread = new Thread(r, "command-worker-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  /** What one receiver thread sees of the consumer. */
  final class Loop {
    private final int index;
    private final GroupDispatcher dispatcher = Receivers.this.dispatcher;
    private boolean backlog; // this loop's thread only

    /** Whether this receiver's last receive came back full (more messages are waiting). */
    boolean backlog() {
      return backlog;
    }

    void backlog(boolean value) {
      backlog = value;
    }

    private Loop(int index) {
      this.index = index;
    }

    boolean running() {
      return running;
    }

    GroupDispatcher dispatcher() {
      return dispatcher;
    }

    /** Winds the liveness clock: this receiver is about to poll. */
    void polled() {
      polls[index] = Instant.now();
    }

    void pause(long millis) throws InterruptedException {
      TimeUnit.MILLISECONDS.sleep(millis);
    }
  }
}
