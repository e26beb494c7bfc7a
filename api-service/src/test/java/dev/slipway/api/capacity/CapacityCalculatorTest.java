package dev.slipway.api.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slipway.api.config.CapacityConfig;
import dev.slipway.common.model.Autoscaling;
import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.Phase;
import dev.slipway.common.model.Resources;
import dev.slipway.common.model.Sizing;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The capacity arithmetic on a known fleet, against figures worked out by hand. */
class CapacityCalculatorTest {
  private static final Sizing LARGE =
      new Sizing("large", 2, new Resources("500m", "1Gi", "1", "2Gi"), new Autoscaling(2, 10, 70));

  private static final CapacityConfig SEED_000 =
      new CapacityConfig() {
        public String nodeType() {
          return "t3.small";
        }

        public String nodeAllocatableCpu() {
          return "1930m";
        }

        public String nodeAllocatableMemory() {
          return "1450Mi";
        }

        public int nodeMaxPods() {
          return 11;
        }

        public double nodeMonthlyPrice() {
          return 6;
        }

        public Map<String, Double> fixedMonthly() {
          return Map.of(
              "eks",
              75.0,
              "fargate-api",
              8.0,
              "rds",
              12.0,
              "alb",
              16.0,
              "ecr",
              1.0,
              "route53",
              0.5);
        }

        public java.time.Duration maxAge() {
          return java.time.Duration.ZERO;
        }
      };

  @Test
  void knownFleet() {
    // 10 small started, 3 large started (autoscaled: counted at 2 replicas), 5 small stopped.
    var report =
        new CapacityCalculator(SEED_000)
            .report(
                List.of(
                    new FleetGroup(
                        "small", Phase.RUNNING, DesiredState.RUNNING, Sizing.seedDefault(), 10),
                    new FleetGroup("large", Phase.RUNNING, DesiredState.RUNNING, LARGE, 3),
                    new FleetGroup(
                        "small", Phase.STOPPED, DesiredState.STOPPED, Sizing.seedDefault(), 5)));
    assertEquals(16, report.pods());
    assertEquals(3.5, report.requested().cpuCores(), 1e-9); // 10 × 50m + 6 × 500m
    assertEquals((10 * 64L + 6 * 1024L) << 20, report.requested().memoryBytes()); // 6,784 Mi
    assertEquals(8.5, report.limits().cpuCores(), 1e-9); // 10 × 250m + 6 × 1
    assertEquals((10 * 256L + 6 * 2048L) << 20, report.limits().memoryBytes());
    // CPU 3.5/1.93 → 2 nodes, pods 16/11 → 2, memory 6784/1450 → 5: memory decides.
    assertEquals(5, report.nodes().needed());
    assertEquals("memory", report.nodes().boundBy());
    assertEquals(30.0, report.monthlyCost().nodes(), 1e-9);
    assertEquals(142.5, report.monthlyCost().total(), 1e-9); // 30 + 112.5 fixed
    assertEquals(7.92, report.monthlyCost().perTenant(), 1e-9); // 142.5 / 18 tenants
    assertEquals(
        List.of(
            new CapacityReport.PlanPhaseCount("large", "RUNNING", 3),
            new CapacityReport.PlanPhaseCount("small", "RUNNING", 10),
            new CapacityReport.PlanPhaseCount("small", "STOPPED", 5)),
        report.tenants());
  }

  @Test
  void manySmallPodsArePodSlotBound() {
    var report =
        new CapacityCalculator(SEED_000)
            .report(
                List.of(
                    new FleetGroup(
                        "small", Phase.RUNNING, DesiredState.RUNNING, Sizing.seedDefault(), 23)));
    assertEquals(3, report.nodes().needed()); // 23 pods / 11 per node; CPU 2, memory 2
    assertEquals("pods", report.nodes().boundBy());
  }

  @Test
  void emptyFleetPaysOnlyTheFixedCosts() {
    var report = new CapacityCalculator(SEED_000).report(List.of());
    assertEquals(0, report.nodes().needed());
    assertEquals(112.5, report.monthlyCost().total(), 1e-9);
    assertEquals(0, report.monthlyCost().perTenant(), 1e-9);
  }
}
