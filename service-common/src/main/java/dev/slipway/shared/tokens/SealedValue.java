package dev.slipway.shared.tokens;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A secret as stored: its own data key wrapped by a KEK, and the secret encrypted with that data
 * key. Text form {@code sealed:v1:<keyId>:<wrapped key>:<nonce+ciphertext>}, parts base64url, so it
 * fits a text column and shows nothing of the secret in psql.
 */
public record SealedValue(String keyId, byte[] wrappedKey, byte[] ciphertext) {
  private static final String PREFIX = "sealed:v1:";
  private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

  /** Whether {@code text} is in sealed form (so a clear value written before issue 22 is not). */
  public static boolean isSealed(String text) {
    return text != null && text.startsWith(PREFIX);
  }

  public static SealedValue parse(String text) {
    if (!isSealed(text)) {
      throw new TokenCryptoException("not a sealed value");
    }
    String[] parts = text.substring(PREFIX.length()).split(":", -1);
    if (parts.length != 3) {
      throw new TokenCryptoException("malformed sealed value: expected 3 parts");
    }
    try {
      return new SealedValue(
          new String(DECODE.decode(parts[0]), StandardCharsets.UTF_8),
          DECODE.decode(parts[1]),
          DECODE.decode(parts[2]));
    } catch (IllegalArgumentException e) {
      throw new TokenCryptoException("malformed sealed value: bad base64");
    }
  }

  public String text() {
    return PREFIX
        + ENCODE.encodeToString(keyId.getBytes(StandardCharsets.UTF_8))
        + ":"
        + ENCODE.encodeToString(wrappedKey)
        + ":"
        + ENCODE.encodeToString(ciphertext);
  }

  @Override
  public String toString() {
    return "SealedValue[keyId=" + keyId + "]";
  }
}
