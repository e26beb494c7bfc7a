package dev.slipway.api.http;

import dev.slipway.common.model.Phase;
import java.util.Locale;

/** Parsing of listing query parameters, with clear errors. */
public final class Limits {
  static final int DEFAULT_PAGE = 50;
  static final int MAX_PAGE = 200;

  private Limits() {}

  /** Taken as text: JAX-RS would answer a non-number with 404, which misleads clients. */
  public static int pageSize(String text) {
    if (text == null || text.isBlank()) {
      return DEFAULT_PAGE;
    }
    int limit;
    try {
      limit = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      limit = -1;
    }
    if (limit < 1 || limit > MAX_PAGE) {
      throw ApiException.badRequest(
          "limit must be a number from 1 to " + MAX_PAGE + ", got " + text);
    }
    return limit;
  }

  /** Plan filter: any name is fine, an unknown plan simply matches no tenant. */
  public static String plan(String plan) {
    return plan == null || plan.isBlank() ? null : plan.trim();
  }

  public static Phase phase(String phase) {
    if (phase == null || phase.isBlank()) {
      return null;
    }
    try {
      return Phase.valueOf(phase.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          "phase must be one of " + java.util.Arrays.toString(Phase.values()) + ", got " + phase);
    }
  }
}
