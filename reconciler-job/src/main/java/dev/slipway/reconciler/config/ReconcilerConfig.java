package dev.slipway.reconciler.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** All configuration of the reconciler-job, under {@code slipway.reconciler}. */
@ConfigMapping(prefix = "slipway.reconciler")
public interface ReconcilerConfig {

  /** Namespace holding every tenant's objects. */
  @WithDefault("tenants")
  String namespace();

  /**
   * Run one pass at startup and exit (exit code 0 on success, 1 on failure): the mode of the
   * Kubernetes CronJob. When false, passes repeat every {@link #interval()} while the process
   * serves health and metrics.
   */
  @WithDefault("false")
  boolean runOnce();

  /** Time between passes when not in run-once mode. */
  @WithDefault("60s")
  Duration interval();

  /** Time from startup to the first pass when not in run-once mode. */
  @WithDefault("5s")
  Duration initialDelay();

  /** Page size of LIST calls against the Kubernetes API and of database scans. */
  @WithDefault("500")
  int pageSize();
}
