package dev.slipway.api.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/**
 * Defaults from seed 000's cost estimate: tenants packed on t3.small spot nodes, plus the fixed
 * monthly costs of the platform. Prices are USD per month; adjust per region and contract.
 */
public interface CapacityConfig {
  /** Node type the fleet runs on; only a label in the report. */
  @WithDefault("t3.small")
  String nodeType();

  /** CPU a node offers to pods (after system and kubelet reservations), a quantity. */
  @WithDefault("1930m")
  String nodeAllocatableCpu();

  /** Memory a node offers to pods, a quantity. t3.small: 2 GiB minus reservations. */
  @WithDefault("1450Mi")
  String nodeAllocatableMemory();

  /** Pods a node can hold: on EKS bounded by ENI IPs (t3.small: 11) unless prefix delegation. */
  @WithDefault("11")
  int nodeMaxPods();

  /** Monthly price of one node (seed 000: t3.small spot, about 6 USD). */
  @WithDefault("6")
  double nodeMonthlyPrice();

  /**
   * Fixed monthly costs by item ({@code slipway.api.capacity.fixed-monthly.<item>}), whatever the
   * fleet size. The shipped values (application.properties) are seed 000's: EKS control plane 75,
   * Fargate API task 8, RDS db.t4g.micro 12, ALB 16, ECR 1, Route 53 0.5.
   */
  Map<String, Double> fixedMonthly();

  /**
   * How old a capacity report GET /v1/ops/capacity may answer with. The report is one aggregate
   * over every live tenant row, so its cost grows with the fleet (docs/benchmarks.md, P7); the
   * capacity gauges recompute it every {@code slipway.api.phase-metrics-interval} anyway, and a
   * request within this age of the last one is answered from it. 0 recomputes on every request.
   */
  @WithDefault("60s")
  Duration maxAge();
}
