package dev.slipway.cli.tenants;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** When a watch is over: empty while things still move, true settled well, false settled failed. */
final class Settled {
  private Settled() {}

  /**
   * A tenant has settled once the worker observed its latest generation and it is in the state
   * asked for (RUNNING with a ready replica, STOPPED, DELETED), or FAILED.
   */
  static Optional<Boolean> tenant(JsonNode t) {
    boolean observed = t.path("observedGeneration").asLong() >= t.path("generation").asLong();
    String phase = t.path("phase").asText();
    if (!observed) {
      return Optional.empty();
    }
    if (phase.equals("FAILED")) {
      return Optional.of(false);
    }
    if (!phase.equals(t.path("desiredState").asText())) {
      return Optional.empty();
    }
    if (phase.equals("RUNNING") && t.path("readyReplicas").asInt() < 1) {
      return Optional.empty();
    }
    return Optional.of(true);
  }

  /** An operation has settled once terminal: SUCCEEDED or SUPERSEDED (a newer one covers it). */
  static Optional<Boolean> operation(JsonNode op) {
    return switch (op.path("status").asText()) {
      case "SUCCEEDED", "SUPERSEDED" -> Optional.of(true);
      case "FAILED" -> Optional.of(false);
      default -> Optional.empty();
    };
  }
}
