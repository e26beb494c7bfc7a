package dev.slipway.e2e.convergence;

import static org.awaitility.Awaitility.await;

import dev.slipway.local.LocalService;
import dev.slipway.local.LocalStack;
import dev.slipway.local.kube.KubeFaults;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * kill -9 of the worker at chosen points of its processing ({@link KillPoint}) and of the API,
 * between commit and reply ({@link ApiProxy}) or at random; each killed process is restarted before
 * the next trial.
 */
final class Kills {
  private static final Duration FIRE_WITHIN = Duration.ofSeconds(60);
  private final LocalStack stack;
  private final ApiProxy proxy;
  private final QueueTap queue;
  private final Random random;

  Kills(LocalStack stack, ApiProxy proxy, QueueTap queue, long seed) {
    this.stack = stack;
    this.proxy = proxy;
    this.queue = queue;
    this.random = new Random(seed);
  }

  Nemesis.Trials killWorker(int kills) {
    Map<KillPoint, Integer> at = new EnumMap<>(KillPoint.class);
    KubeFaults faults = stack.kubeFaults();
    for (int i = 0; i < kills; i++) {
      KillPoint point = KillPoint.values()[i % KillPoint.values().length];
      int before = faults.fired();
      point.arm(faults);
      await("worker reaches the kill point " + point)
          .atMost(FIRE_WITHIN)
          .pollInterval(Duration.ofMillis(20))
          .until(() -> faults.fired() > before);
      if (point == KillPoint.RANDOM) {
        pause(random.nextInt(1500));
      }
      stack.kill(LocalService.WORKER);
      at.merge(point, 1, Integer::sum);
      stack.restart(LocalService.WORKER);
      settle();
    }
    StringBuilder detail = new StringBuilder();
    at.forEach(
        (p, n) ->
            detail
                .append(detail.length() == 0 ? "" : "; ")
                .append(n)
                .append(" ")
                .append(p.description()));
    return new Nemesis.Trials(kills, detail.toString());
  }

  Nemesis.Trials killApi(int kills) {
    AtomicInteger killed = new AtomicInteger();
    int betweenCommitAndReply = 0;
    for (int i = 0; i < kills; i++) {
      int before = killed.get();
      if (i % 2 == 0) {
        betweenCommitAndReply++;
        proxy.interceptNextWrite(
            () -> {
              stack.kill(LocalService.API);
              killed.incrementAndGet();
            });
      } else {
        pause(300 + random.nextInt(1700));
        stack.kill(LocalService.API);
        killed.incrementAndGet();
      }
      await("API killed")
          .atMost(FIRE_WITHIN)
          .pollInterval(Duration.ofMillis(20))
          .until(() -> killed.get() > before);
      stack.restart(LocalService.API);
    }
    return new Nemesis.Trials(
        kills,
        betweenCommitAndReply
            + " between commit and reply, "
            + (kills - betweenCommitAndReply)
            + " at random");
  }

  /**
   * Gives a restarted worker some time up before the next kill: until it has caught up with what
   * waited in the queue, for at most 30 s. Kills back to back would keep it down nearly all the
   * time and the backlog would only grow, which tests the machine rather than the product.
   */
  private void settle() {
    try {
      await("queue drained after a restart")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> queue.waiting() <= 5);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      // still busy: kill it anyway, that is a fault too
    }
  }

  /** A random wait, so a kill lands at an arbitrary point: Awaitility's poll delay, no sleep. */
  private static void pause(long millis) {
    await()
        .pollDelay(Duration.ofMillis(millis))
        .atMost(Duration.ofMillis(millis + 1000))
        .until(() -> true);
  }
}
