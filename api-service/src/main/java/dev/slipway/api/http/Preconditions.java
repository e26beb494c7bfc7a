package dev.slipway.api.http;

import java.util.OptionalLong;

/** ETags of tenants are their generation: {@code "7"}. */
public final class Preconditions {
  private Preconditions() {}

  public static String etag(long generation) {
    return "\"" + generation + "\"";
  }

  /** The generation an {@code If-Match} header asks for; empty when absent or {@code *}. */
  public static OptionalLong ifMatch(String header) {
    if (header == null || header.isBlank() || header.trim().equals("*")) {
      return OptionalLong.empty();
    }
    String value = header.trim();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    try {
      return OptionalLong.of(Long.parseLong(value));
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "If-Match must be a tenant ETag such as \"3\" (its generation), got " + header);
    }
  }
}
