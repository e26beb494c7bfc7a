package dev.slipway.local.kube.http;

import java.time.Duration;

/**
 * What happens to a request before it is served: counted, delayed, failed. The emulator's fault
 * injection and request tallies live in the root package (they are its public test API); the HTTP
 * front sees them only through this interface, so it depends on nothing above it.
 */
@FunctionalInterface
public interface RequestGate {

  /** Serve at once, unchanged. */
  RequestGate OPEN = (method, uri) -> Plan.NONE;

  /** What to do to one request: wait {@code delay}, then fail with {@code status} (0: serve). */
  record Plan(Duration delay, int status) {
    public static final Plan NONE = new Plan(Duration.ZERO, 0);
  }

  Plan plan(String method, String uri);
}
