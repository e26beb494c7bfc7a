package dev.slipway.api.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamespaceCountsTest {
  private static final List<String> THREE = List.of("tenants", "tenants-2", "tenants-3");
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

  @Test
  void aFreshFleetFillsTheNamespacesInTurn() {
    NamespaceCounts counts = new NamespaceCounts(THREE);
    counts.replace(Map.of(), T0);
    assertEquals(
        List.of("tenants", "tenants-2", "tenants-3", "tenants", "tenants-2"), take(counts, 5));
  }

  @Test
  void aNewNamespaceTakesNewTenantsUntilItHasCaughtUp() {
    NamespaceCounts counts = new NamespaceCounts(THREE);
    counts.replace(Map.of("tenants", 5L, "tenants-2", 4L), T0);
    assertEquals(
        List.of("tenants-3", "tenants-3", "tenants-3", "tenants-3", "tenants-2", "tenants-3"),
        take(counts, 6));
    assertEquals(Map.of("tenants", 5L, "tenants-2", 5L, "tenants-3", 5L), counts.snapshot());
  }

  @Test
  void aNamespaceNoLongerConfiguredIsIgnored() {
    NamespaceCounts counts = new NamespaceCounts(List.of("tenants-2", "tenants-3"));
    counts.replace(Map.of("tenants", 1L, "tenants-2", 2L, "tenants-3", 3L), T0);
    assertEquals("tenants-2", counts.takeLeastFilled());
    assertEquals(Map.of("tenants-2", 3L, "tenants-3", 3L), counts.snapshot());
  }

  @Test
  void aReadReplacesWhatThisProcessCountedItself() {
    NamespaceCounts counts = new NamespaceCounts(THREE);
    counts.replace(Map.of(), T0);
    take(counts, 3);
    counts.replace(Map.of("tenants", 10L, "tenants-3", 10L), T0);
    assertEquals("tenants-2", counts.takeLeastFilled());
  }

  @Test
  void countsGoStaleAfterTheirRefresh() {
    NamespaceCounts counts = new NamespaceCounts(THREE);
    Duration refresh = Duration.ofSeconds(30);
    assertTrue(counts.stale(T0, refresh), "never read");
    counts.replace(Map.of(), T0);
    assertFalse(counts.stale(T0.plusSeconds(29), refresh));
    assertTrue(counts.stale(T0.plusSeconds(30), refresh));
    assertTrue(counts.stale(T0, Duration.ZERO), "zero: read for every create");
  }

  private static List<String> take(NamespaceCounts counts, int n) {
    List<String> taken = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      taken.add(counts.takeLeastFilled());
    }
    return taken;
  }
}
