package dev.slipway.cli.http;

import dev.slipway.cli.CliException;
import dev.slipway.cli.ExitCodes;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Waiting before a retry of a 429 or 503 as the API asks: its {@code Retry-After} seconds (1 when
 * absent or unreadable), never more than {@link #MAX}, so a command line stays responsive.
 */
final class RetryAfter {
  static final Duration MAX = Duration.ofSeconds(5);

  private RetryAfter() {}

  static Duration of(HttpResponse<?> response) {
    long seconds;
    try {
      seconds = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
    } catch (NumberFormatException e) {
      seconds = 1;
    }
    Duration wait = Duration.ofSeconds(Math.max(0, seconds));
    return wait.compareTo(MAX) > 0 ? MAX : wait;
  }

  static void pause(HttpResponse<?> response) {
    try {
      Thread.sleep(of(response).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCodes.UNAVAILABLE, "interrupted");
    }
  }
}
