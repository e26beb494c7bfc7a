package dev.slipway.api.config;

import io.smallrye.config.WithDefault;

/** Per-caller write limit: {@code slipway.api.rate-limit.*}. */
public interface RateLimitConfig {
  /** Turn off only behind a gateway that already limits per caller. */
  @WithDefault("true")
  boolean enabled();

  /** Sustained writes per second per caller (token subject), per API replica. */
  @WithDefault("50")
  double writesPerSecond();

  /** Writes a caller may make at once before the sustained rate applies. */
  @WithDefault("100")
  int burst();
}
