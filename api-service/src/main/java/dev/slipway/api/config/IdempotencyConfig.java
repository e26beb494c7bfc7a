package dev.slipway.api.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Idempotency-Key handling: {@code slipway.api.idempotency.*}. */
public interface IdempotencyConfig {
  /** How long a key and its stored response are kept; clients may retry within it. */
  @WithDefault("24h")
  Duration retention();

  /** How often expired keys are deleted. */
  @WithDefault("1h")
  Duration cleanupInterval();
}
