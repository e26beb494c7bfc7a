package dev.slipway.worker;

import dev.slipway.common.metrics.MetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** What the worker's command counter says, for tests that compare it before and after. */
public final class ProcessedCommands {
  private ProcessedCommands() {}

  /** Commands processed with {@code outcome} so far, across command types. */
  public static double withOutcome(MeterRegistry registry, String outcome) {
    return registry
        .find(MetricNames.COMMANDS_PROCESSED)
        .tag(MetricNames.TAG_OUTCOME, outcome)
        .counters()
        .stream()
        .mapToDouble(Counter::count)
        .sum();
  }
}
