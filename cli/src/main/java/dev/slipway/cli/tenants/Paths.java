package dev.slipway.cli.tenants;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** API paths of a tenant; the slug is encoded, so a stray character is the API's 404, not ours. */
final class Paths {
  private Paths() {}

  static String tenant(String slug) {
    return "v1/tenants/" + URLEncoder.encode(slug, StandardCharsets.UTF_8);
  }
}
