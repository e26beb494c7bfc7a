package dev.slipway.api.rollouts.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.api.plans.Plan;
import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.GatewayConfig;
import dev.slipway.common.model.Resources;
import dev.slipway.common.model.Sizing;
import dev.slipway.common.render.RenderSettings;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A target applied to a tenant's snapshot, and the diff of its rendered objects. */
class ObjectDiffTest {
  private static final ObjectDiff.Tenant ACME =
      new ObjectDiff.Tenant(UUID.randomUUID(), "acme", DesiredState.RUNNING, "tenants");
  private static final Snapshot FOLLOWING =
      new Snapshot(
          new Sizing("small", 1, Resources.seedDefault(), null),
          null,
          1,
          "1.0.0",
          GatewayConfig.defaults("acme"));

  @Test
  void anImageTargetMovesAFollowingTenantToTheNewVersionAndChangesOnlyTheImage() {
    Snapshot after =
        new RolloutTarget("1.2.3", null, null).apply(FOLLOWING, 2, "1.2.3", null, "acme");
    assertEquals(2, after.fleetVersion());
    assertEquals("1.2.3", after.effectiveImageVersion());
    assertEquals(null, after.imageVersion(), "still follows the fleet");
    List<ObjectDiff.Change> changes =
        ObjectDiff.of(ACME, FOLLOWING, after, RenderSettings.defaults());
    assertEquals(1, changes.size(), changes.toString());
    ObjectDiff.Change c = changes.get(0);
    assertEquals("Deployment/acme", c.object());
    assertEquals("spec.template.spec.containers[0].image", c.path());
    assertEquals("ghcr.io/slipway/gateway:1.0.0", c.before());
    assertEquals("ghcr.io/slipway/gateway:1.2.3", c.after());
  }

  @Test
  void aPinnedTenantNamedInTheSelectorKeepsItsPinAtTheNewImage() {
    Snapshot pinned =
        new Snapshot(FOLLOWING.sizing(), "0.9.0", 1, "1.0.0", FOLLOWING.gatewayConfig());
    Snapshot after = new RolloutTarget("1.2.3", null, null).apply(pinned, 2, "1.2.3", null, "acme");
    assertEquals("1.2.3", after.imageVersion());
    assertEquals(1, after.fleetVersion());
  }

  @Test
  void aGatewayPatchChangesOnlyItsFieldsAndTheSameTargetTwiceChangesNothing() {
    RolloutTarget target = new RolloutTarget(null, Map.of("burst", 300), null);
    Snapshot after = target.apply(FOLLOWING, 2, "1.0.0", null, "acme");
    assertEquals(300, after.gatewayConfig().burst());
    assertEquals(
        FOLLOWING.gatewayConfig().maxConnections(), after.gatewayConfig().maxConnections());
    assertTrue(
        ObjectDiff.of(ACME, FOLLOWING, after, RenderSettings.defaults()).stream()
            .anyMatch(c -> c.after() != null && c.after().contains("300")));
    assertEquals(List.of(), ObjectDiff.of(ACME, after, after, RenderSettings.defaults()));
  }

  @Test
  void aPlanTargetBringsThePlansSizingAndLimits() {
    Plan standard =
        new Plan(
            "standard",
            "two replicas",
            new Sizing("standard", 2, Resources.seedDefault(), null),
            new GatewayConfig("x", 1000, 200, 400, 5000));
    Snapshot after =
        new RolloutTarget(null, null, "standard").apply(FOLLOWING, null, null, standard, "acme");
    assertEquals("standard", after.plan());
    assertEquals(1000, after.gatewayConfig().maxConnections());
    assertEquals("acme", after.gatewayConfig().project());
    assertEquals(FOLLOWING.fleetVersion(), after.fleetVersion());
    assertEquals(FOLLOWING, Snapshot.fromJson(FOLLOWING.toJson(), "acme"));
  }
}
