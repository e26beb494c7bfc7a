package dev.slipway.e2e.convergence;

import java.time.Duration;
import java.util.Locale;

/**
 * How much fault the convergence suite injects. {@code reduced} (the default, what CI runs) does a
 * few trials of every fault; {@code full} ({@code -Dslipway.convergence.mode=full}) is the run
 * docs/reliability.md reports.
 *
 * @param sessions tenants driven at once by the load generator
 * @param workerKills kill -9 of the worker, spread over the kill points
 * @param apiKills kill -9 of the API, half between commit and reply, half at random
 * @param queueRestarts ElasticMQ restarted at once (queued messages lost)
 * @param queueOutages ElasticMQ down for {@code queueOutage}, then back empty
 * @param postgresRestarts PostgreSQL stopped for {@code postgresDown}, then started again
 * @param kubeBursts bursts of 409/429/5xx answers from the Kubernetes API
 * @param burstSize failed requests per burst
 * @param slowRequests Kubernetes writes delayed past the queue's visibility timeout
 * @param resendRounds rounds of duplicated and reordered command deliveries
 */
record ConvergenceMode(
    String name,
    int sessions,
    int workerKills,
    int apiKills,
    int queueRestarts,
    int queueOutages,
    Duration queueOutage,
    int postgresRestarts,
    Duration postgresDown,
    int kubeBursts,
    int burstSize,
    int slowRequests,
    int resendRounds) {

  static final String PROPERTY = "slipway.convergence.mode";

  static ConvergenceMode reduced() {
    return new ConvergenceMode(
        "reduced", 4, 5, 2, 1, 1, Duration.ofSeconds(5), 1, Duration.ofSeconds(3), 5, 6, 4, 2);
  }

  static ConvergenceMode full() {
    return new ConvergenceMode(
        "full", 3, 50, 20, 5, 3, Duration.ofSeconds(20), 5, Duration.ofSeconds(5), 25, 12, 24, 10);
  }

  static ConvergenceMode fromSystemProperty() {
    String mode = System.getProperty(PROPERTY, "reduced").trim().toLowerCase(Locale.ROOT);
    return switch (mode) {
      case "reduced" -> reduced();
      case "full" -> full();
      default -> throw new IllegalArgumentException(PROPERTY + " must be reduced or full: " + mode);
    };
  }
}
