package dev.slipway.reconciler;

import dev.slipway.reconciler.config.ReconcilerConfig;
import dev.slipway.reconciler.diff.ReconcilePass;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Entry point. In run-once mode (the CronJob) one pass decides the exit code; otherwise the process
 * stays up and {@link ReconcileSchedule} runs passes on an interval.
 */
@QuarkusMain
public class ReconcilerMain implements QuarkusApplication {
  private static final Logger LOG = Logger.getLogger(ReconcilerMain.class);
  @Inject ReconcilerConfig config;
  @Inject ReconcilePass pass;

  @Override
  public int run(String... args) {
    if (!config.runOnce()) {
      Quarkus.waitForExit();
      return 0;
    }
    try {
      pass.run();
      return 0;
    } catch (RuntimeException e) {
      LOG.errorf(e, "reconcile pass failed");
      return 1;
    }
  }
}
