package dev.slipway.shared.tokens;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Envelope encryption of secrets at rest (gateway tokens, stored responses that carry one): every
 * value gets its own random AES-256 data key, which encrypts it (GCM) and is stored wrapped by the
 * {@link KeyProvider}'s KEK. Rotating the KEK re-wraps data keys only ({@link #rewrap}); the
 * encrypted values stay as they are.
 */
public class TokenCipher {
  /** Binds ciphertexts to this use, so a sealed value cannot be replayed as another format. */
  private static final byte[] AAD = "slipway-sealed-v1".getBytes(StandardCharsets.UTF_8);

  private final KeyProvider keys;

  public TokenCipher(KeyProvider keys) {
    this.keys = keys;
  }

  public String currentKeyId() {
    return keys.currentKeyId();
  }

  /** The sealed text of {@code secret}. */
  public String seal(String secret) {
    byte[] dataKey = AesGcm.newKey();
    try {
      byte[] ciphertext = AesGcm.encrypt(dataKey, secret.getBytes(StandardCharsets.UTF_8), AAD);
      KeyProvider.WrappedKey wrapped = keys.wrap(dataKey);
      return new SealedValue(wrapped.keyId(), wrapped.bytes(), ciphertext).text();
    } finally {
      Arrays.fill(dataKey, (byte) 0);
    }
  }

  /** The secret in {@code sealedText}. */
  public String open(String sealedText) {
    SealedValue sealed = SealedValue.parse(sealedText);
    byte[] dataKey = keys.unwrap(sealed.keyId(), sealed.wrappedKey());
    try {
      return new String(AesGcm.decrypt(dataKey, sealed.ciphertext(), AAD), StandardCharsets.UTF_8);
    } finally {
      Arrays.fill(dataKey, (byte) 0);
    }
  }

  /** The same secret with its data key wrapped by the current KEK; unchanged if it already is. */
  public String rewrap(String sealedText) {
    SealedValue sealed = SealedValue.parse(sealedText);
    if (sealed.keyId().equals(keys.currentKeyId())) {
      return sealedText;
    }
    byte[] dataKey = keys.unwrap(sealed.keyId(), sealed.wrappedKey());
    try {
      KeyProvider.WrappedKey wrapped = keys.wrap(dataKey);
      return new SealedValue(wrapped.keyId(), wrapped.bytes(), sealed.ciphertext()).text();
    } finally {
      Arrays.fill(dataKey, (byte) 0);
    }
  }

  /** The KEK id a sealed text's data key is wrapped with. */
  public static String keyIdOf(String sealedText) {
    return SealedValue.parse(sealedText).keyId();
  }
}
