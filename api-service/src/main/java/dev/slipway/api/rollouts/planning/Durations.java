package dev.slipway.api.rollouts.planning;

import dev.slipway.api.http.ApiException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as a rollout request writes them: a whole number and a unit, e.g. 500ms, 30s, 5m, 1h.
 */
public final class Durations {
  private static final Pattern FORM = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

  private Durations() {}

  /** {@code text} as a duration of at most {@code max}; a 422 naming {@code field} otherwise. */
  public static Duration parse(String field, String text, Duration max) {
    Matcher m = text == null ? null : FORM.matcher(text.trim());
    if (m == null || !m.matches()) {
      throw ApiException.invalidField(
          field, field + " must be a whole number and a unit (ms, s, m, h), e.g. 30s or 5m");
    }
    long n = Long.parseLong(m.group(1));
    Duration d =
        switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          default -> Duration.ofHours(n);
        };
    if (d.compareTo(max) > 0) {
      throw ApiException.invalidField(field, field + " must be at most " + format(max));
    }
    return d;
  }

  /** The canonical text of {@code d}: the largest unit that divides it. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 3_600_000 == 0 && ms > 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0 && ms > 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }
}
