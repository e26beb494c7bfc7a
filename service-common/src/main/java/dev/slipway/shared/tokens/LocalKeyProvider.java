package dev.slipway.shared.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * KEKs held in process, read from the local key file ({@link LocalKeyFile}): the first is current,
 * the others are earlier ones kept until rotation has re-wrapped every data key under the first.
 * For the local stack and tests; production uses {@link KmsKeyProvider}.
 */
public class LocalKeyProvider implements KeyProvider {
  private static final byte[] AAD = "slipway-kek-v1".getBytes(StandardCharsets.UTF_8);
  private final Map<String, byte[]> keks = new LinkedHashMap<>();
  private final String current;

  /** {@code keks}: 32-byte AES keys, current first. */
  public LocalKeyProvider(List<byte[]> keks) {
    if (keks.isEmpty()) {
      throw new TokenCryptoException("the local key file holds no key");
    }
    for (byte[] kek : keks) {
      if (kek.length != AesGcm.KEY_BYTES) {
        throw new TokenCryptoException("a local key-encryption key must be 32 bytes");
      }
      this.keks.putIfAbsent(idOf(kek), kek.clone());
    }
    this.current = idOf(keks.get(0));
  }

  /** A KEK's id: a fingerprint (not the key), so rows name the KEK that wraps their data key. */
  static String idOf(byte[] kek) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(kek);
      return "local:" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String currentKeyId() {
    return current;
  }

  @Override
  public WrappedKey wrap(byte[] dataKey) {
    return new WrappedKey(current, AesGcm.encrypt(keks.get(current), dataKey, AAD));
  }

  @Override
  public byte[] unwrap(String keyId, byte[] wrapped) {
    byte[] kek = keks.get(keyId);
    if (kek == null) {
      throw new TokenCryptoException(
          "no key-encryption key " + keyId + " in the local key file (removed before rotation?)");
    }
    return AesGcm.decrypt(kek, wrapped, AAD);
  }
}
