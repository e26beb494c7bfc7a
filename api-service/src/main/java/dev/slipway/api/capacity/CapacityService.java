package dev.slipway.api.capacity;

import dev.slipway.api.config.ApiConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The fleet's capacity and cost report, for ops and for the capacity gauges. */
@ApplicationScoped
public class CapacityService {
  private final FleetRepository fleet;
  private final CapacityCalculator calculator;

  CapacityService(FleetRepository fleet, ApiConfig config) {
    this.fleet = fleet;
    this.calculator = new CapacityCalculator(config.capacity());
  }

  public Uni<CapacityReport> report() {
    return fleet.summary().map(calculator::report);
  }
}
