package dev.slipway.local.kube.api;

/** String helpers for Kubernetes REST paths; kept allocation-light because they run per request. */
public final class Paths {

  private Paths() {}

  /** The path without its query string and without a trailing slash. */
  public static String withoutQuery(String path) {
    int q = path.indexOf('?');
    String plain = q < 0 ? path : path.substring(0, q);
    return plain.length() > 1 && plain.endsWith("/")
        ? plain.substring(0, plain.length() - 1)
        : plain;
  }
}
