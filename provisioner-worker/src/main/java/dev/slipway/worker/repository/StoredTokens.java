package dev.slipway.worker.repository;

import dev.slipway.shared.tokens.SealedValue;
import dev.slipway.shared.tokens.TokenCipher;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The gateway token as the Secret needs it, from the tenant row: sealed by the API (issue 22), or
 * still in clear on a row written before and not yet sealed by the API's token-key job.
 */
@ApplicationScoped
public class StoredTokens {
  private final TokenCipher cipher;

  StoredTokens(TokenCipher cipher) {
    this.cipher = cipher;
  }

  public String open(String stored) {
    return SealedValue.isSealed(stored) ? cipher.open(stored) : stored;
  }
}
