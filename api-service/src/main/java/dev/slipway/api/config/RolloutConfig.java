package dev.slipway.api.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Fleet rollouts ({@code /v1/rollouts}): {@code slipway.api.rollouts.*}. */
public interface RolloutConfig {
  /**
   * Whether this process steps running rollouts. Every API replica may: each step locks its
   * rollout's row (SKIP LOCKED), so replicas never step the same rollout at once.
   */
  @WithDefault("true")
  boolean engineEnabled();

  /** How often the engine looks at running rollouts and advances each by one step. */
  @WithDefault("2s")
  Duration tickInterval();

  /** Tenants changing at once in a wave when the request's strategy names no maxParallel. */
  @WithDefault("10")
  int defaultMaxParallel();

  /** Ready timeout per tenant when the request's strategy names none. */
  @WithDefault("5m")
  Duration defaultReadyTimeout();

  /** Most tenants one rollout may select. */
  @WithDefault("20000")
  int maxTenants();

  /** Most rollouts one page of {@code GET /v1/rollouts} lists. */
  @WithDefault("100")
  int maxPageSize();

  /**
   * A destructive bulk operation (stop, delete) changing more tenants than this is refused unless
   * the request's {@code confirm} repeats the exact number of tenants it changes.
   */
  @WithDefault("10")
  int bulkConfirmAboveCount();

  /**
   * The same, as a share of the live fleet (0 to 1): a destructive bulk operation changing more
   * than this share of the live tenants needs the confirmation even below the count above.
   */
  @WithDefault("0.1")
  double bulkConfirmAboveShare();
}
