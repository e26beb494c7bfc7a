package dev.slipway.local.kube.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One API request as the handlers see it: method, path without query, decoded query parameters,
 * content type and body. Built from HTTP by the http package's ApiServer, or in-process by tests.
 */
public record ApiRequest(
    String method, String path, Map<String, String> query, String contentType, byte[] body) {

  public static ApiRequest of(String method, String uri, String contentType, byte[] body) {
    int q = uri.indexOf('?');
    String path = Paths.withoutQuery(uri);
    Map<String, String> query = q < 0 ? Map.of() : parseQuery(uri.substring(q + 1));
    return new ApiRequest(method, path, query, contentType, body == null ? new byte[0] : body);
  }

  public String param(String name) {
    return query.get(name);
  }

  public boolean flag(String name) {
    String value = query.get(name);
    return "true".equalsIgnoreCase(value) || "1".equals(value);
  }

  public boolean hasBody() {
    return body.length > 0;
  }

  private static Map<String, String> parseQuery(String query) {
    Map<String, String> result = new HashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      result.put(decode(key), decode(value));
    }
    return result;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
