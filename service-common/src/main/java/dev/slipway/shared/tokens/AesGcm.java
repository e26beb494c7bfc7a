package dev.slipway.shared.tokens;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a random 96-bit nonce stored in front of the ciphertext. A fresh nonce per
 * encryption is safe here because every data key encrypts a single token (and a KEK wraps far fewer
 * than 2^32 data keys).
 */
final class AesGcm {
  static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private AesGcm() {}

  static byte[] newKey() {
    byte[] key = new byte[KEY_BYTES];
    RANDOM.nextBytes(key);
    return key;
  }

  /** nonce || ciphertext+tag; {@code aad} binds the ciphertext to its context (may be empty). */
  static byte[] encrypt(byte[] key, byte[] plaintext, byte[] aad) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad);
      byte[] sealed = cipher.doFinal(plaintext);
      return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e);
    }
  }

  static byte[] decrypt(byte[] key, byte[] nonceAndCiphertext, byte[] aad) {
    if (nonceAndCiphertext.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new TokenCryptoException("ciphertext too short");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_BITS, nonceAndCiphertext, 0, NONCE_BYTES));
      cipher.updateAAD(aad);
      return cipher.doFinal(
          nonceAndCiphertext, NONCE_BYTES, nonceAndCiphertext.length - NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      // Wrong key or tampered bytes: the tag does not verify. Never include the bytes.
      throw new TokenCryptoException("AES-GCM decryption failed (wrong key or tampered data)");
    }
  }
}
