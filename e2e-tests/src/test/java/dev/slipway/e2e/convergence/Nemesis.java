package dev.slipway.e2e.convergence;

import static org.awaitility.Awaitility.await;

import dev.slipway.local.LocalStack;
import dev.slipway.local.kube.KubeFaults;
import java.time.Duration;
import java.util.Map;

/**
 * The faults of the queue, the database and the Kubernetes API, each injected into the running
 * stack under load and healed before it returns (process kills: {@link Kills}). Waits are
 * Awaitility conditions on what the fault must have caused (writes accepted during an outage,
 * clients that saw errors, injected answers given), never plain sleeps.
 */
final class Nemesis {
  private static final Duration FIRE_WITHIN = Duration.ofSeconds(60);
  private final LocalStack stack;
  private final History history;
  private final QueueTap queue;

  Nemesis(LocalStack stack, History history, QueueTap queue) {
    this.stack = stack;
    this.history = history;
    this.queue = queue;
  }

  /** What a phase did: how many trials and a breakdown. */
  record Trials(int count, String detail) {}

  Trials restartQueue(int restarts) {
    int lost = 0;
    for (int i = 0; i < restarts; i++) {
      awaitAcknowledged(5);
      lost += queue.depth();
      stack.stopQueue();
      stack.startQueue();
    }
    return new Trials(restarts, lost + " queued messages lost");
  }

  Trials queueOutage(int outages, Duration down) {
    for (int i = 0; i < outages; i++) {
      awaitAcknowledged(5);
      stack.stopQueue();
      long before = history.acknowledgedSoFar();
      // Writes must keep being accepted while the queue is down: their commands wait in the outbox.
      await("writes accepted while the queue is down")
          .pollDelay(down)
          .atMost(down.plusSeconds(60))
          .until(() -> history.acknowledgedSoFar() >= before + 3);
      stack.startQueue();
    }
    return new Trials(outages, "down " + down.toSeconds() + " s each, then back empty");
  }

  Trials restartPostgres(int restarts, Duration down) {
    for (int i = 0; i < restarts; i++) {
      awaitAcknowledged(5);
      long before = history.unknownSoFar();
      stack.stopPostgres();
      await("clients see the database outage")
          .pollDelay(down)
          .atMost(down.plusSeconds(60))
          .until(() -> history.unknownSoFar() > before);
      stack.startPostgres();
    }
    return new Trials(restarts, "down " + down.toSeconds() + " s each");
  }

  Trials kubeErrorBursts(int bursts, int size) {
    int[] statuses = {409, 429, 500, 503, 504};
    KubeFaults faults = stack.kubeFaults();
    Map<Integer, Integer> count = new java.util.TreeMap<>();
    for (int i = 0; i < bursts; i++) {
      awaitAcknowledged(3);
      int status = statuses[i % statuses.length];
      int before = faults.fired();
      faults.failNext("*", "/namespaces/tenants/", status, size);
      await("burst of " + status).atMost(FIRE_WITHIN).until(() -> faults.fired() >= before + size);
      count.merge(status, 1, Integer::sum);
    }
    return new Trials(bursts, "bursts of " + size + " by status: " + count);
  }

  Trials kubeSlow(int requests) {
    KubeFaults faults = stack.kubeFaults();
    for (int i = 0; i < requests; i++) {
      // 8 s: past the queue's 6 s visibility timeout; 12 s: past the worker's 10 s request timeout
      // too (the client gives up, the write still lands later).
      Duration delay = Duration.ofSeconds(i % 2 == 0 ? 8 : 12);
      int before = faults.fired();
      faults.delay("PATCH", "/namespaces/tenants/", delay, 1);
      await("slow write").atMost(FIRE_WITHIN).until(() -> faults.fired() > before);
      awaitAcknowledged(2);
    }
    return new Trials(requests, "writes delayed 8 s and 12 s alternately");
  }

  Trials resend(int rounds) {
    int duplicated = 0;
    int reordered = 0;
    for (int i = 0; i < rounds; i++) {
      awaitAcknowledged(8);
      QueueTap.Resent resent = queue.duplicateAndReorder(Duration.ofSeconds(30));
      duplicated += resent.duplicated();
      reordered += resent.reordered();
    }
    return new Trials(
        duplicated + reordered,
        duplicated + " duplicated, " + reordered + " delivered out of order");
  }

  private void awaitAcknowledged(int more) {
    long before = history.acknowledgedSoFar();
    await("load makes progress")
        .atMost(FIRE_WITHIN)
        .until(() -> history.acknowledgedSoFar() >= before + more);
  }
}
