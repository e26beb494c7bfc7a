package dev.slipway.api.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Opaque pagination cursors: the keyset position of the last item of a page, base64url-encoded so
 * clients treat it as a token, not as something to build.
 */
public final class Cursors {
  private static final String SEPARATOR = "\n";

  private Cursors() {}

  public static String encode(String... parts) {
    byte[] raw = String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  /** The parts of a cursor this API issued with {@code count} parts; empty for anything else. */
  public static Optional<List<String>> decode(String cursor, int count) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      List<String> parts = List.of(raw.split(SEPARATOR, -1));
      return parts.size() == count ? Optional.of(parts) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The 400 for a cursor this API did not issue. */
  public static ApiException badCursor(String cursor) {
    return ApiException.badRequest("cursor '" + cursor + "' was not issued by this API");
  }
}
