package dev.slipway.api.capacity;

import dev.slipway.api.config.ApiConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The fleet's capacity and cost report, for ops and for the capacity gauges. The report aggregates
 * every live tenant row, a cost that grows with the fleet (about linearly: a sequential scan), so a
 * request is answered with the last report when it is younger than {@code
 * slipway.api.capacity.max-age}; the gauges' refresh recomputes it on their schedule.
 */
@ApplicationScoped
public class CapacityService {
  private final FleetRepository fleet;
  private final CapacityCalculator calculator;
  private final long maxAgeNanos;
  private volatile Computed last;

  private record Computed(CapacityReport report, long atNanos) {}

  CapacityService(FleetRepository fleet, ApiConfig config) {
    this.fleet = fleet;
    this.calculator = new CapacityCalculator(config.capacity());
    Duration maxAge = config.capacity().maxAge();
    this.maxAgeNanos = maxAge.isNegative() ? 0 : maxAge.toNanos();
  }

  /** The last report if younger than the configured age, else a new one. */
  public Uni<CapacityReport> report() {
    Computed known = last;
    if (known != null && System.nanoTime() - known.atNanos() < maxAgeNanos) {
      return Uni.createFrom().item(known.report());
    }
    return refresh();
  }

  /** A new report from the database, kept for the requests that follow. */
  public Uni<CapacityReport> refresh() {
    long started = System.nanoTime();
    return fleet
        .summary()
        .map(calculator::report)
        .invoke(report -> last = new Computed(report, started));
  }
}
