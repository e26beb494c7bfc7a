package dev.slipway.reconciler;

import dev.slipway.reconciler.config.ReconcilerConfig;
import dev.slipway.reconciler.run.Pushgateway;
import dev.slipway.reconciler.run.ReconcilePass;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.io.IOException;
import org.jboss.logging.Logger;

/**
 * Entry point. In run-once mode (the CronJob) one pass decides the exit code: 0 when it completed
 * or another pass held the lock (nothing is wrong, the other pass does the work), 1 when it failed.
 * Otherwise the process stays up and {@link ReconcileSchedule} runs passes on an interval.
 */
@QuarkusMain
public class ReconcilerMain implements QuarkusApplication {
  private static final Logger LOG = Logger.getLogger(ReconcilerMain.class);
  @Inject ReconcilerConfig config;
  @Inject ReconcilePass pass;
  @Inject Pushgateway pushgateway;

  @Override
  public int run(String... args) {
    if (!config.runOnce()) {
      Quarkus.waitForExit();
      return 0;
    }
    int exit;
    try {
      pass.run();
      exit = 0;
    } catch (RuntimeException e) {
      LOG.errorf(e, "reconcile pass failed");
      exit = 1;
    }
    push();
    return exit;
  }

  /** A failed push is logged, not fatal: the pass itself is recorded in the database. */
  private void push() {
    var url = config.pushgateway().url();
    if (url.isEmpty()) {
      return;
    }
    try {
      pushgateway.push(url.get(), config.pushgateway().job());
      LOG.infof("metrics pushed to %s", url.get());
    } catch (IOException e) {
      LOG.warnf("metrics push to %s failed: %s", url.get(), e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
