package dev.slipway.local.kube;

import dev.slipway.local.kube.api.RequestPath;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The emulator's own count of the API requests it received, by Kubernetes verb and resource ({@code
 * "patch deployments"}, {@code "get secrets"}, {@code "list pods"}, ...), since start or the last
 * {@link #reset()}: what a benchmark reports as requests per tenant create, update and delete. Like
 * kube-apiserver's {@code apiserver_request_total}, every request counts, answered or refused (429,
 * 403, injected faults). Non-resource paths (discovery, health) count as {@code "get <path>"}.
 */
public final class RequestCounts {
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  void seen(String method, String uri) {
    int query = uri.indexOf('?');
    String path = query < 0 ? uri : uri.substring(0, query);
    boolean watchParam = query >= 0 && uri.indexOf("watch=true", query) > 0;
    counts.computeIfAbsent(key(method, path, watchParam), k -> new LongAdder()).increment();
  }

  static String key(String method, String path, boolean watchParam) {
    RequestPath parsed = RequestPath.parse(path);
    if (parsed == null) {
      return method.toLowerCase(java.util.Locale.ROOT) + " " + path;
    }
    String resource =
        parsed.subresource() == null
            ? parsed.resource()
            : parsed.resource() + "/" + parsed.subresource();
    return verb(method, parsed.isCollection(), parsed.watchPrefix() || watchParam) + " " + resource;
  }

  private static String verb(String method, boolean collection, boolean watch) {
    return switch (method) {
      case "GET" -> watch ? "watch" : collection ? "list" : "get";
      case "POST" -> "create";
      case "PUT" -> "update";
      case "PATCH" -> "patch";
      case "DELETE" -> collection ? "deletecollection" : "delete";
      default -> method.toLowerCase(java.util.Locale.ROOT);
    };
  }

  /** Requests of one verb and resource, e.g. {@code count("patch", "deployments")}. */
  public long count(String verb, String resource) {
    LongAdder adder = counts.get(verb + " " + resource);
    return adder == null ? 0 : adder.sum();
  }

  /** Every count, sorted by key: {@code "patch deployments" -> 4}. */
  public Map<String, Long> snapshot() {
    Map<String, Long> copy = new TreeMap<>();
    counts.forEach((key, adder) -> copy.put(key, adder.sum()));
    return copy;
  }

  /** Requests of every verb on the given resources. */
  public long total(String... resources) {
    long sum = 0;
    for (Map.Entry<String, Long> e : snapshot().entrySet()) {
      for (String resource : resources) {
        if (e.getKey().endsWith(" " + resource)) {
          sum += e.getValue();
        }
      }
    }
    return sum;
  }

  public void reset() {
    counts.clear();
  }
}
