package dev.slipway.local.kube;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** String helpers for Kubernetes REST paths; kept allocation-light because they run per request. */
final class Paths {

  private Paths() {}

  /** The path without its query string and without a trailing slash. */
  static String withoutQuery(String path) {
    int q = path.indexOf('?');
    String plain = q < 0 ? path : path.substring(0, q);
    return plain.length() > 1 && plain.endsWith("/")
        ? plain.substring(0, plain.length() - 1)
        : plain;
  }

  /**
   * The collection path of an object path: {@code .../deployments/x} becomes {@code
   * .../deployments}.
   */
  static String parent(String objectPath) {
    return objectPath.substring(0, objectPath.lastIndexOf('/'));
  }

  static String lastSegment(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  static String deployment(String namespace, String name) {
    return "/apis/apps/v1/namespaces/" + namespace + "/deployments/" + name;
  }

  static String pods(String namespace) {
    return "/api/v1/namespaces/" + namespace + "/pods";
  }

  static String pod(String namespace, String name) {
    return pods(namespace) + "/" + name;
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
