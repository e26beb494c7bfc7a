package dev.slipway.common.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Short fingerprint of a gateway token. It goes into the pod template so a rotation rolls the pods,
 * and may be logged or compared by the reconciler; the token itself never leaves the Secret.
 */
public final class TokenHash {
  private TokenHash() {}

  /** First {@link GatewayDefaults#TOKEN_HASH_LENGTH} lower-case hex chars of SHA-256(token). */
  public static String of(String token) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256, so this cannot happen on a conforming JVM.
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
    byte[] digest = sha256.digest(token.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest).substring(0, GatewayDefaults.TOKEN_HASH_LENGTH);
  }
}
