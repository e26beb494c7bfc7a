package dev.slipway.local.kube;

import dev.slipway.local.kube.http.RequestGate.Plan;
import dev.slipway.local.kube.watch.WatchHub;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Fault injection for tests: the next matching HTTP requests fail with a status code or are
 * delayed, and open watches can be dropped. Rules match a method ({@code null} or {@code "*"}: any)
 * and a regular expression found anywhere in the request URI (path and query, e.g. {@code
 * "/deployments/"} or {@code "watch=true"}); each fires a fixed number of times, in the order
 * given, so tests stay deterministic. The in-process Deployment controller is never affected.
 */
public final class KubeFaults {

  private record Rule(
      String method, Pattern uri, int status, Duration delay, AtomicInteger remaining) {
    boolean matches(String requestMethod, String requestUri) {
      return (method == null || method.equalsIgnoreCase(requestMethod))
          && uri.matcher(requestUri).find();
    }
  }

  private final List<Rule> rules = new CopyOnWriteArrayList<>();
  private final AtomicInteger fired = new AtomicInteger();
  private final WatchHub watches;

  KubeFaults(WatchHub watches) {
    this.watches = watches;
  }

  /** Answers the next {@code times} matching requests with {@code status} and a Status body. */
  public KubeFaults failNext(String method, String uriPattern, int status, int times) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be 4xx or 5xx: " + status);
    }
    rules.add(rule(method, uriPattern, status, Duration.ZERO, times));
    return this;
  }

  /** Delays the next {@code times} matching requests by {@code delay} before serving them. */
  public KubeFaults delay(String method, String uriPattern, Duration delay, int times) {
    rules.add(rule(method, uriPattern, 0, Objects.requireNonNull(delay), times));
    return this;
  }

  /** Breaks every open watch connection now (clients see a dropped connection). */
  public KubeFaults dropWatches() {
    watches.dropAll();
    return this;
  }

  /** Removes every rule that has not fired yet. */
  public void clear() {
    rules.clear();
  }

  /** How many injected faults (failures and delays) have fired so far. */
  public int fired() {
    return fired.get();
  }

  Plan plan(String method, String uri) {
    if (rules.isEmpty()) {
      return Plan.NONE;
    }
    Duration delay = Duration.ZERO;
    int status = 0;
    for (Rule rule : rules) {
      if (rule.matches(method, uri) && (status == 0 || rule.status() == 0) && take(rule)) {
        delay = delay.plus(rule.delay());
        status = rule.status() != 0 ? rule.status() : status;
      }
    }
    rules.removeIf(r -> r.remaining().get() <= 0);
    return new Plan(delay, status);
  }

  private boolean take(Rule rule) {
    if (rule.remaining().getAndDecrement() > 0) {
      fired.incrementAndGet();
      return true;
    }
    return false;
  }

  private static Rule rule(String method, String uriPattern, int status, Duration delay, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("times must be at least 1");
    }
    String anyMethod = method == null || method.equals("*") ? null : method;
    return new Rule(anyMethod, Pattern.compile(uriPattern), status, delay, new AtomicInteger(n));
  }
}
