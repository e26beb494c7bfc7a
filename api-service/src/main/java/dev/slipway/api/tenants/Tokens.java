package dev.slipway.api.tenants;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Gateway tokens: 32 random bytes, hex encoded (as in seed 000's provisioner). */
public final class Tokens {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Tokens() {}

  public static String newGatewayToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
