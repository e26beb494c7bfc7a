package dev.slipway.local.kube;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Counts the HTTP requests that match a method and a URI pattern, from when it is opened ({@link
 * KubeEmulator#tally}) until it is closed, so a test can assert how many requests of a kind a
 * client sent (e.g. no GET before an apply). Matching is as in {@link KubeFaults}: a method ({@code
 * null} or {@code "*"}: any) and a regular expression found anywhere in the path and query.
 * Requests answered with an injected fault are counted too: the client sent them.
 */
public final class RequestTally implements AutoCloseable {
  private final String method;
  private final Pattern uri;
  private final AtomicInteger count = new AtomicInteger();
  private final Collection<RequestTally> openTallies;

  RequestTally(String method, String uriPattern, Collection<RequestTally> openTallies) {
    this.method = method == null || method.equals("*") ? null : method;
    this.uri = Pattern.compile(uriPattern);
    this.openTallies = openTallies;
  }

  /** Matching requests received so far. */
  public int count() {
    return count.get();
  }

  /** Stops counting; {@link #count()} keeps its last value. */
  @Override
  public void close() {
    openTallies.remove(this);
  }

  void seen(String requestMethod, String requestUri) {
    if ((method == null || method.equalsIgnoreCase(requestMethod))
        && uri.matcher(requestUri).find()) {
      count.incrementAndGet();
    }
  }
}
