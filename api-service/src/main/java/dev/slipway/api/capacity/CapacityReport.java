package dev.slipway.api.capacity;

import java.util.List;
import java.util.Map;

/**
 * What the fleet asks of the cluster and what it costs a month, as {@code GET /v1/ops/capacity}
 * shows it. Autoscaled tenants count at their minimum replicas: the floor the cluster must hold.
 *
 * @param tenants live tenants by plan and phase
 * @param pods pods of started tenants
 * @param requested CPU (cores) and memory (bytes) the pods request
 * @param limits CPU (cores) and memory (bytes) the pods may use at most
 * @param nodes nodes of the configured type needed, and which resource decides it
 * @param monthlyCost node cost, fixed costs by item, total, and total per live tenant
 */
public record CapacityReport(
    List<PlanPhaseCount> tenants,
    long pods,
    Resources requested,
    Resources limits,
    Nodes nodes,
    Cost monthlyCost) {

  public record PlanPhaseCount(String plan, String phase, long tenants) {}

  public record Resources(double cpuCores, long memoryBytes) {}

  /** {@code boundBy} is cpu, memory or pods: the resource that runs out first. */
  public record Nodes(String type, long needed, String boundBy) {}

  public record Cost(double nodes, Map<String, Double> fixed, double total, double perTenant) {}
}
