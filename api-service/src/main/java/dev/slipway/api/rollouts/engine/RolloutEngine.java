package dev.slipway.api.rollouts.engine;

import dev.slipway.api.config.ApiConfig;
import dev.slipway.api.operations.OperationEnqueuer;
import dev.slipway.api.rollouts.Tx;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Runs rollouts durably. Not on {@code jobs.DurableJobRunner}: that runner keeps a job on one
 * thread for its whole run and resumes it by heartbeat; a rollout waits minutes on gates and bakes,
 * so here it is a stateless stepper instead: every tick each RUNNING or HALTED rollout is advanced
 * by one step in one transaction that locks its row (SKIP LOCKED), decides from the rows alone and
 * writes the result. A crash loses at most an uncommitted step; another API process (or this one,
 * restarted) simply takes the next step, never applying a wave twice nor skipping a gate.
 */
@ApplicationScoped
public class RolloutEngine {
  private static final Logger LOG = Logger.getLogger(RolloutEngine.class);
  private static final int MAX_STEPS_PER_TICK = 40;
  private final Pool pool;
  private final RolloutStep step;
  private final OperationEnqueuer enqueuer;
  private final ApiConfig config;

  RolloutEngine(Pool pool, RolloutStep step, OperationEnqueuer enqueuer, ApiConfig config) {
    this.pool = pool;
    this.step = step;
    this.enqueuer = enqueuer;
    this.config = config;
  }

  @Scheduled(
      every = "${slipway.api.rollouts.tick-interval:500ms}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void tick() {
    if (!config.rollouts().engineEnabled()) {
      return;
    }
    try {
      var ids =
          Tx.run(
              pool,
              c ->
                  Tx.rows(
                          c,
                          "SELECT id FROM rollouts WHERE status IN ('RUNNING', 'HALTED')"
                              + " AND finished_at IS NULL ORDER BY created_at")
                      .stream()
                      .map(r -> r.getUUID("id"))
                      .toList());
      for (UUID id : ids) {
        // Moves a rollout on while nothing waits: a wave passed with no bake starts the next at
        // once instead of a tick later. Bounded, so one rollout never starves the others.
        for (int i = 0; i < MAX_STEPS_PER_TICK && step(id); i++) {}
      }
    } catch (RuntimeException e) {
      LOG.warnf("rollout tick failed: %s", e.getMessage());
    }
  }

  /**
   * Advances one rollout by one step; true when it moved on, false when it waits, another process
   * holds it or it is not running. Safe to call any number of times, from any number of processes
   * at once.
   */
  public boolean step(UUID id) {
    try {
      boolean stepped = Tx.run(pool, c -> step.run(c, id));
      if (stepped) {
        enqueuer.committed();
      }
      return stepped;
    } catch (RuntimeException e) {
      LOG.errorf(e, "step of rollout %s failed; retried at the next tick", id);
      return false;
    }
  }
}
