package dev.slipway.reconciler.config;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Stops a run-once reconciler (the CronJob) that has nowhere to push its metrics, before its first
 * pass: its process exits before Prometheus could scrape it, so the pass alerts built on the pushed
 * metrics ({@code SlipwayReconcilePassesFailing}, {@code SlipwayDriftAboveThreshold}) would never
 * fire, and nothing would say so.
 */
@ApplicationScoped
@Startup
public class RunOnceCheck {
  static final String MISSING =
      "slipway.reconciler.pushgateway.url (SLIPWAY_RECONCILER_PUSHGATEWAY_URL) is required when"
          + " slipway.reconciler.run-once is true: a run-once pass is never scraped";

  RunOnceCheck(ReconcilerConfig config) {
    check(config.runOnce(), config.pushgateway().url().isPresent());
  }

  static void check(boolean runOnce, boolean pushgatewaySet) {
    if (runOnce && !pushgatewaySet) {
      throw new IllegalStateException(MISSING);
    }
  }
}
