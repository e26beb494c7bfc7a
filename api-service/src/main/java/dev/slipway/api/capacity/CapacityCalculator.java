package dev.slipway.api.capacity;

import dev.slipway.api.capacity.CapacityReport.Cost;
import dev.slipway.api.capacity.CapacityReport.Nodes;
import dev.slipway.api.capacity.CapacityReport.PlanPhaseCount;
import dev.slipway.api.capacity.CapacityReport.Resources;
import dev.slipway.api.config.CapacityConfig;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/**
 * Pure arithmetic from a fleet summary to a {@link CapacityReport}: sums requests and limits over
 * the pods of started tenants, bins them onto nodes of the configured size (by the scarcest of CPU,
 * memory and pod slots; a lower bound, since real packing wastes some room) and prices the result.
 */
public final class CapacityCalculator {
  private final CapacityConfig config;

  public CapacityCalculator(CapacityConfig config) {
    this.config = config;
  }

  public CapacityReport report(Collection<FleetGroup> fleet) {
    long pods = 0;
    long tenants = 0;
    BigDecimal cpuRequest = BigDecimal.ZERO;
    BigDecimal memRequest = BigDecimal.ZERO;
    BigDecimal cpuLimit = BigDecimal.ZERO;
    BigDecimal memLimit = BigDecimal.ZERO;
    for (FleetGroup g : fleet) {
      tenants += g.tenants();
      BigDecimal n = BigDecimal.valueOf(g.pods());
      pods += g.pods();
      var r = g.sizing().resources();
      cpuRequest = cpuRequest.add(amount(r.cpuRequest()).multiply(n));
      memRequest = memRequest.add(amount(r.memoryRequest()).multiply(n));
      cpuLimit = cpuLimit.add(amount(r.cpuLimit()).multiply(n));
      memLimit = memLimit.add(amount(r.memoryLimit()).multiply(n));
    }
    Nodes nodes = nodes(cpuRequest, memRequest, pods);
    return new CapacityReport(
        counts(fleet),
        pods,
        new Resources(cpuRequest.doubleValue(), memRequest.longValue()),
        new Resources(cpuLimit.doubleValue(), memLimit.longValue()),
        nodes,
        cost(nodes.needed(), tenants));
  }

  private Nodes nodes(BigDecimal cpu, BigDecimal memory, long pods) {
    long byCpu = ceilDiv(cpu, amount(config.nodeAllocatableCpu()));
    long byMemory = ceilDiv(memory, amount(config.nodeAllocatableMemory()));
    long byPods = ceilDiv(BigDecimal.valueOf(pods), BigDecimal.valueOf(config.nodeMaxPods()));
    long needed = Math.max(byCpu, Math.max(byMemory, byPods));
    String bound =
        needed == 0 ? "none" : needed == byPods ? "pods" : needed == byCpu ? "cpu" : "memory";
    return new Nodes(config.nodeType(), needed, bound);
  }

  private Cost cost(long nodes, long tenants) {
    var fixed = new TreeMap<>(config.fixedMonthly());
    double nodeCost = round(nodes * config.nodeMonthlyPrice());
    double total = round(nodeCost + fixed.values().stream().mapToDouble(Double::doubleValue).sum());
    return new Cost(nodeCost, fixed, total, tenants == 0 ? 0 : round(total / tenants));
  }

  private static List<PlanPhaseCount> counts(Collection<FleetGroup> fleet) {
    var byKey = new TreeMap<String, PlanPhaseCount>();
    for (FleetGroup g : fleet) {
      String key = g.plan() + "/" + g.phase();
      PlanPhaseCount old = byKey.get(key);
      long n = (old == null ? 0 : old.tenants()) + g.tenants();
      byKey.put(key, new PlanPhaseCount(g.plan(), g.phase().name(), n));
    }
    return List.copyOf(byKey.values());
  }

  private static BigDecimal amount(String quantity) {
    return Quantity.getAmountInBytes(new Quantity(quantity));
  }

  private static long ceilDiv(BigDecimal total, BigDecimal perNode) {
    return total.divide(perNode, 0, java.math.RoundingMode.CEILING).longValueExact();
  }

  private static double round(double usd) {
    return Math.round(usd * 100) / 100.0;
  }
}
