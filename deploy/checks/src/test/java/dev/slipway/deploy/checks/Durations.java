package dev.slipway.deploy.checks;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The simple duration form Quarkus accepts in our settings (e.g. 20s, 500ms, 5m). */
final class Durations {
  private static final Pattern SIMPLE = Pattern.compile("(\\d+)(ms|s|m|h)");

  private Durations() {}

  static Duration parse(String text) {
    Matcher m = SIMPLE.matcher(text.trim());
    if (!m.matches()) {
      return Duration.parse(text.trim());
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }
}
