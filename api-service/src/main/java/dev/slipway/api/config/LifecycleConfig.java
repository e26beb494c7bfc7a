package dev.slipway.api.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Tenant lifecycle safety: soft delete and its purge, {@code slipway.api.lifecycle.*}. */
public interface LifecycleConfig {
  /**
   * How long a deleted tenant stays restorable (OFFLINE, objects and row kept, slug reserved)
   * before the purge sweep removes it for good. Its {@code purgeAfter} is fixed at deletion, so a
   * change applies to tenants deleted afterwards.
   */
  @WithDefault("P7D")
  Duration gracePeriod();

  /** How often the purge sweep looks for deleted tenants past their grace period. */
  @WithDefault("1m")
  Duration purgeInterval();

  /**
   * Most tenants one sweep purges (each in its own transaction, one after the other): paces the
   * deletes the worker gets after a mass deletion. The rest wait for the next sweep.
   */
  @WithDefault("20")
  int purgeBatch();

  /** Turns the purge sweep off (immediate purges still work): deleted tenants then stay. */
  @WithDefault("true")
  boolean purgeEnabled();
}
