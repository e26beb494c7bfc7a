package dev.slipway.api.idempotency;

import dev.slipway.api.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * An {@code Idempotency-Key} as scoped by Slipway: per caller (token issuer, subject and tenant
 * claim, see {@link ReplayScope}), so two callers can never replay each other's responses, and
 * bound to the request it first came with.
 */
public record IdempotencyKey(
    String principal, String key, String method, String path, String requestHash) {

  public static final String HEADER = "Idempotency-Key";

  /** Printable ASCII without spaces, as most clients generate (UUIDs, ULIDs, random strings). */
  private static final Pattern VALID = Pattern.compile("[\\x21-\\x7E]{1,255}");

  /**
   * Validates the header and fingerprints the request. {@code canonicalBody} is the request body as
   * the API parsed and re-serialised it (so formatting differences do not matter), or "".
   */
  public static IdempotencyKey of(
      String principal, String header, String method, String path, String canonicalBody) {
    if (!VALID.matcher(header).matches()) {
      throw ApiException.badRequest(
          HEADER + " must be 1 to 255 printable ASCII characters without spaces");
    }
    return new IdempotencyKey(
        principal, header, method, path, sha256(method + " " + path + "\n" + canonicalBody));
  }

  private static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
