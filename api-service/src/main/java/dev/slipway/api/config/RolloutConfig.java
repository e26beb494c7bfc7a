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

  /**
   * How often the engine looks at running rollouts and advances each: it is also how soon a wave's
   * gate sees its last tenant Ready, so it bounds the idle time a rollout adds at each wave's end.
   * A tick without running rollouts is one query of the small rollouts table.
   */
  @WithDefault("500ms")
  Duration tickInterval();

  /**
   * Most tenants one engine step changes (one transaction). A wave of 2,000 with maxParallel 1,000
   * is then committed in steps of this many, one after the other within the tick, so the worker
   * starts on the first while the next are written.
   */
  @WithDefault("250")
  int maxChangesPerStep();

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
