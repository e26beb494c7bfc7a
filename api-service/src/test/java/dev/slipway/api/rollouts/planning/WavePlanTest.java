package dev.slipway.api.rollouts.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slipway.api.http.ApiException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Wave sizes from a canary and cumulative shares or counts; durations of a strategy. */
class WavePlanTest {

  @Test
  void theIssuesExample() {
    // 50 tenants, canary 2, then 25 %, 50 %, 100 % of the 48 left: 12, 24, 48 cumulative.
    assertEquals(List.of(2, 12, 12, 24), WavePlan.sizes(50, 2, List.of("25%", "50%", "100%")));
  }

  @Test
  void countsAndSharesMixAndEmptyWavesAreLeftOut() {
    assertEquals(List.of(1, 3, 6), WavePlan.sizes(10, 1, List.of("3", "100%")));
    assertEquals(List.of(1), WavePlan.sizes(1, 1, List.of("50%", "100%")));
    assertEquals(List.of(1, 1), WavePlan.sizes(2, 1, List.of("50%", "100%")));
    assertEquals(List.of(5, 5), WavePlan.sizes(10, 0, List.of("5", "20")));
  }

  @Test
  void wavesMustCoverTheSelectionAndNotDecrease() {
    assertField("strategy.waves", () -> WavePlan.sizes(10, 2, List.of("50%")));
    assertField("strategy.waves", () -> WavePlan.sizes(10, 2, List.of("50%", "20%", "100%")));
    assertField("strategy.waves", () -> WavePlan.sizes(10, 0, List.of("0%", "100%")));
    assertField("strategy.waves", () -> WavePlan.sizes(10, 0, List.of("101%")));
    assertField("strategy.waves", () -> WavePlan.sizes(10, 0, List.of("a lot")));
    assertField("strategy.waves", () -> WavePlan.sizes(10, 0, List.of()));
    assertField("strategy.canary", () -> WavePlan.sizes(3, 4, List.of("100%")));
  }

  @Test
  void durationsTakeAUnitAndAreWrittenCanonically() {
    assertEquals(Duration.ofSeconds(30), Durations.parse("f", "30s", Duration.ofDays(1)));
    assertEquals(Duration.ofMillis(500), Durations.parse("f", "500ms", Duration.ofDays(1)));
    assertEquals("5m", Durations.format(Durations.parse("f", "300s", Duration.ofDays(1))));
    assertEquals("0s", Durations.format(Duration.ZERO));
    assertField("strategy.bake", () -> Durations.parse("strategy.bake", "30", Duration.ofDays(1)));
    assertField("strategy.bake", () -> Durations.parse("strategy.bake", "2d", Duration.ofDays(1)));
    assertField("strategy.bake", () -> Durations.parse("strategy.bake", "25h", Duration.ofDays(1)));
  }

  private static void assertField(String field, Runnable r) {
    ApiException e = assertThrows(ApiException.class, r::run);
    assertEquals(422, e.status());
    assertEquals(field, e.errors().get(0).field());
  }
}
