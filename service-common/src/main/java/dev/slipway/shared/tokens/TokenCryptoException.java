package dev.slipway.shared.tokens;

/** A sealed value that cannot be opened or a key that cannot be used; never carries a secret. */
public class TokenCryptoException extends RuntimeException {
  public TokenCryptoException(String message) {
    super(message);
  }

  public TokenCryptoException(String message, Throwable cause) {
    super(message, cause);
  }
}
