package dev.slipway.reconciler.diff;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.TenantSpec;
import dev.slipway.common.render.DesiredObjects;
import dev.slipway.common.render.RenderSettings;
import dev.slipway.common.render.TenantRenderer;
import dev.slipway.reconciler.Fleet;
import dev.slipway.reconciler.scan.TenantObjects;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An OFFLINE tenant (soft-deleted or suspended) must have no Ingress: missing is not drift. */
class OfflineDiffTest {
  private final TenantSpec spec = Fleet.spec("offline", DesiredState.OFFLINE, false);
  private final DesiredObjects desired = TenantRenderer.render(spec, RenderSettings.defaults());

  @Test
  void anOfflineTenantWithoutIngressIsNotMissingOne() {
    List<String> out = reasons(false);
    assertFalse(out.contains("Ingress"), out.toString());
    assertFalse(out.contains("ingress.unexpected"), out.toString());
  }

  @Test
  void anIngressStillRoutingToAnOfflineTenantIsDrift() {
    List<String> out = reasons(true);
    assertTrue(out.contains("ingress.unexpected"), out.toString());
  }

  @Test
  void aRunningTenantWithoutIngressIsMissingOne() {
    TenantSpec running = Fleet.spec("running", DesiredState.RUNNING, false);
    DesiredObjects objects = TenantRenderer.render(running, RenderSettings.defaults());
    TenantObjects live = new TenantObjects();
    live.add(objects.secret());
    live.add(objects.deployment());
    live.add(objects.service());
    List<String> out = new ArrayList<>();
    ObjectDiff.missing(objects, live, out);
    assertTrue(out.contains("Ingress"), out.toString());
  }

  private List<String> reasons(boolean withIngress) {
    TenantObjects live = new TenantObjects();
    desired.inApplyOrder().forEach(live::add);
    if (withIngress) {
      live.add(desired.ingress());
    }
    List<String> out = new ArrayList<>();
    ObjectDiff.missing(desired, live, out);
    ObjectDiff.spec(spec, desired, live, out);
    return out;
  }
}
