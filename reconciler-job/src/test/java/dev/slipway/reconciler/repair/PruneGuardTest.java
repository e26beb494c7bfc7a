package dev.slipway.reconciler.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.reconciler.diff.Orphan;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PruneGuardTest {
  private final PruneGuard guard = new PruneGuard(0.10, 5);

  @Test
  void aFewOrphansArePrunedWhateverTheShare() {
    assertEquals(Optional.empty(), guard.refusal(0, orphans(5, 4)));
  }

  @Test
  void orphansWithinTheShareArePruned() {
    // 10 owners among 100 seen: exactly the share.
    assertEquals(Optional.empty(), guard.refusal(90, orphans(10, 4)));
  }

  @Test
  void aPruneAboveTheShareIsRefusedWithItsFigures() {
    Optional<String> refusal = guard.refusal(89, orphans(11, 4));
    assertTrue(refusal.isPresent());
    assertTrue(refusal.get().contains("11 tenant(s)"), refusal.get());
  }

  @Test
  void anEmptyDatabaseNeverPrunesAWholeFleet() {
    assertTrue(guard.refusal(0, orphans(40, 1)).isPresent());
  }

  @Test
  void unlabelledObjectsCountAsATenantEach() {
    List<Orphan> unlabelled = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      unlabelled.add(new Orphan(null, new ConfigMap()));
    }
    assertTrue(guard.refusal(10, unlabelled).isPresent());
  }

  /** {@code perTenant} objects of each of {@code tenants} owners. */
  private static List<Orphan> orphans(int tenants, int perTenant) {
    List<Orphan> out = new ArrayList<>();
    for (int t = 0; t < tenants; t++) {
      for (int i = 0; i < perTenant; i++) {
        out.add(new Orphan("tenant-" + t, new ConfigMap()));
      }
    }
    return out;
  }
}
