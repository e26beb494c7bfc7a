package dev.slipway.shared.tokens;

/**
 * Wraps and unwraps data keys with a key-encryption key (KEK) the provider holds: a local key file
 * or an AWS KMS key. The KEK never leaves the provider; only wrapped data keys are stored.
 */
public interface KeyProvider {

  /** The id of the KEK new data keys are wrapped with; rotation re-wraps anything else. */
  String currentKeyId();

  /** Wraps {@code dataKey} with the current KEK. */
  WrappedKey wrap(byte[] dataKey);

  /**
   * Unwraps a data key wrapped by {@link #wrap} under {@code keyId}, the current KEK or an earlier
   * one the provider still holds. Fails when it holds no such KEK or the bytes were tampered with.
   */
  byte[] unwrap(String keyId, byte[] wrapped);

  /** A data key wrapped under one KEK. */
  record WrappedKey(String keyId, byte[] bytes) {}
}
