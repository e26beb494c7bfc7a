package dev.slipway.e2e.convergence;

import java.util.List;

/** The catalogue plans the load uses: fixed replica counts (no autoscaler). */
final class Plans {
  static final List<String> NAMES = List.of("small", "standard");

  private Plans() {}

  static int replicas(String plan) {
    return switch (plan) {
      case "small" -> 1;
      case "standard" -> 2;
      default -> throw new IllegalArgumentException("not a plan of the load: " + plan);
    };
  }

  static String other(String plan) {
    return "small".equals(plan) ? "standard" : "small";
  }
}
