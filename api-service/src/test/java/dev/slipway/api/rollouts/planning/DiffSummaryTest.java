package dev.slipway.api.rollouts.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.GatewayConfig;
import dev.slipway.common.model.Resources;
import dev.slipway.common.model.Sizing;
import dev.slipway.common.render.RenderSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Tenants grouped by their change, each group's diff that of every member under its own names. */
class DiffSummaryTest {
  private static final RolloutTarget IMAGE = new RolloutTarget("1.2.3", null, null);
  private static final Sizing SMALL = new Sizing("small", 1, Resources.seedDefault(), null);

  private static DiffSummary.Planned tenant(String slug, DesiredState desired, String project) {
    Snapshot before =
        new Snapshot(SMALL, null, 1, "1.0.0", new GatewayConfig(project, 100, 50, 100, 1000));
    return new DiffSummary.Planned(
        new ObjectDiff.Tenant(UUID.randomUUID(), slug, desired, "tenants-" + slug.length() % 2),
        before,
        IMAGE.apply(before, 2, "1.2.3", null, project));
  }

  @Test
  void tenantsWithTheSameChangeShareOneGroupAndOneDiff() {
    List<DiffSummary.Planned> planned = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      planned.add(tenant("ten" + i, DesiredState.RUNNING, "ten" + i));
    }
    planned.add(tenant("stopped", DesiredState.STOPPED, "stopped"));
    planned.add(tenant("shared", DesiredState.RUNNING, "billing"));
    planned.add(tenant("tenth", DesiredState.RUNNING, "tenth")); // in tenants-1

    List<DiffSummary.Group> groups = DiffSummary.of(planned, RenderSettings.defaults());

    assertEquals(3, groups.size(), groups.toString());
    assertEquals(List.of("ten0", "ten1", "ten2", "ten3", "ten4", "tenth"), groups.get(0).slugs());
    assertEquals(6, groups.get(0).count());
    assertEquals("ten0", groups.get(0).example());
    assertEquals(List.of("stopped"), groups.get(1).slugs());
    assertEquals(List.of("shared"), groups.get(2).slugs());
    for (DiffSummary.Group g : groups) {
      for (DiffSummary.Planned p : planned) {
        if (g.slugs().contains(p.tenant().slug())) {
          assertEquals(
              renamed(g.changes(), g.example(), p.tenant().slug()),
              ObjectDiff.of(p.tenant(), p.before(), p.after(), RenderSettings.defaults()),
              p.tenant().slug());
        }
      }
    }
    assertEquals("spec.template.spec.containers[0].image", groups.get(0).changes().get(0).path());
  }

  @Test
  void aTenantThatAlreadyHasTheTargetIsAGroupWithoutChanges() {
    DiffSummary.Planned at = tenant("done", DesiredState.RUNNING, "done");
    DiffSummary.Planned same = new DiffSummary.Planned(at.tenant(), at.after(), at.after());
    List<DiffSummary.Group> groups = DiffSummary.of(List.of(same), RenderSettings.defaults());
    assertEquals(List.of(), groups.get(0).changes());
    assertEquals(1, groups.get(0).count());
  }

  private static List<ObjectDiff.Change> renamed(
      List<ObjectDiff.Change> changes, String from, String to) {
    return changes.stream()
        .map(
            c ->
                new ObjectDiff.Change(
                    c.object().replace(from, to),
                    c.path(),
                    c.before() == null ? null : c.before().replace(from, to),
                    c.after() == null ? null : c.after().replace(from, to)))
        .toList();
  }
}
