package dev.slipway.api.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Verified bearer tokens kept so a client's next request with the same token skips the signature
 * check: {@code slipway.api.token-cache.*}.
 */
public interface TokenCacheConfig {
  /**
   * Tokens kept at most (least recently used go first); 0 verifies every request. One entry is the
   * token and its parsed claims, about 2 KiB.
   */
  @WithDefault("10000")
  int maxTokens();

  /**
   * How long a verified token is taken on trust, never past its own {@code exp}: also how long a
   * token signed by a key the issuer has since withdrawn keeps working on this replica.
   */
  @WithDefault("60s")
  Duration ttl();
}
