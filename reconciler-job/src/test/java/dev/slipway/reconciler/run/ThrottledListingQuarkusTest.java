package dev.slipway.reconciler.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.metrics.MetricNames;
import dev.slipway.local.kube.KubeEmulatorTestResource;
import dev.slipway.local.kube.flow.FlowControl;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A pass against an API server whose priority level has one seat: the parallel LIST streams find it
 * taken, get 429s, ask again after Retry-After, and the pass completes with every 429 counted.
 */
@QuarkusTest
class ThrottledListingQuarkusTest {
  @Inject ReconcilePass pass;
  @Inject MeterRegistry registry;

  private final FlowControl flow = KubeEmulatorTestResource.emulator().flowControl();

  @AfterEach
  void lift() {
    flow.unlimited();
  }

  @Test
  void listPagesAnswered429AreAskedAgainAndThePassCompletes() {
    double throttledBefore = throttled();
    long rejectedBefore = flow.rejected();
    // One seat held 200 ms: the four LIST streams (15 listings) cannot all have it at once.
    flow.limit(1, Duration.ofMillis(200));

    PassResult result = pass.run();

    assertFalse(result.wasSkipped());
    assertTrue(result.apiCalls() >= 15, "a LIST per namespace and kind, each counted once");
    long rejected = flow.rejected() - rejectedBefore;
    assertTrue(rejected > 0, "some LIST found the seat taken");
    assertEquals(rejected, throttled() - throttledBefore, 0.0, "every 429 counted");
  }

  private double throttled() {
    var counter = registry.find(MetricNames.KUBE_THROTTLED).functionCounter();
    return counter == null ? 0 : counter.count();
  }
}
