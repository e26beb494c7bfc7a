package dev.slipway.reconciler.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DriftReportTest {

  @Test
  void findsMissingAndOrphanedNames() {
    DriftReport report = DriftReport.compare(Set.of("a", "b", "c"), Set.of("b", "c", "x", "y"));
    assertEquals(3, report.dbTenants());
    assertEquals(4, report.clusterDeployments());
    assertEquals(List.of("a"), List.copyOf(report.missing()));
    assertEquals(List.of("x", "y"), List.copyOf(report.orphans()));
    assertFalse(report.inSync());
  }

  @Test
  void equalSetsAreInSync() {
    DriftReport report = DriftReport.compare(Set.of("a"), Set.of("a"));
    assertTrue(report.inSync());
    assertTrue(DriftReport.compare(Set.of(), Set.of()).inSync());
  }
}
