package dev.slipway.reconciler;

import dev.slipway.reconciler.config.ReconcilerConfig;
import dev.slipway.reconciler.run.ReconcilePass;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Repeats passes while the reconciler runs as a long-lived process. */
@ApplicationScoped
public class ReconcileSchedule {
  private static final Logger LOG = Logger.getLogger(ReconcileSchedule.class);
  private final ReconcilerConfig config;
  private final ReconcilePass pass;

  ReconcileSchedule(ReconcilerConfig config, ReconcilePass pass) {
    this.config = config;
    this.pass = pass;
  }

  @Scheduled(
      every = "${slipway.reconciler.interval}",
      delayed = "${slipway.reconciler.initial-delay}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void tick() {
    if (config.runOnce()) {
      return;
    }
    try {
      pass.run();
    } catch (RuntimeException e) {
      LOG.errorf("reconcile pass failed: %s", e.getMessage());
    }
  }
}
