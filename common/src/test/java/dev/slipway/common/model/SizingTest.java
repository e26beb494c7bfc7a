package dev.slipway.common.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SizingTest {
  private static final Resources SEED = Resources.seedDefault();

  @Test
  void startedReplicasAreTheAutoscalerMinimumWhenThereIsOne() {
    assertEquals(3, new Sizing("p", 3, SEED, null).startedReplicas());
    assertEquals(2, new Sizing("p", 1, SEED, new Autoscaling(2, 5, 70)).startedReplicas());
  }

  @Test
  void boundsAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> new Sizing("p", 0, SEED, null));
    assertThrows(IllegalArgumentException.class, () -> new Autoscaling(0, 5, 70));
    assertThrows(IllegalArgumentException.class, () -> new Autoscaling(3, 2, 70));
    assertThrows(IllegalArgumentException.class, () -> new Autoscaling(1, 2, 101));
    assertThrows(IllegalArgumentException.class, () -> new Resources("1 cpu", "1Mi", "1", "1Mi"));
    assertThrows(IllegalArgumentException.class, () -> new GatewayConfig("p", 0, 1, 1, 1));
  }

  @Test
  void tenantSpecToStringOmitsTheToken() {
    TenantSpec spec =
        new TenantSpec(java.util.UUID.randomUUID(), "acme", 1, DesiredState.RUNNING, 1, "tok-123");
    assertEquals(false, spec.toString().contains("tok-123"));
  }
}
