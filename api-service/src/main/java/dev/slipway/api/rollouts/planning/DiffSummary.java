package dev.slipway.api.rollouts.planning;

import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.GatewayConfig;
import dev.slipway.common.render.RenderSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dry run's diffs, grouped: the selected tenants fall into few groups of the same change (a fleet
 * of thousands on one plan and one image has one), so the objects are rendered and compared once
 * per group instead of once per tenant, and the answer lists each change once instead of 10,000
 * times. Two tenants are in one group when everything the renderers read apart from their names is
 * equal: desired state, namespace, and their settings before and after, where a project that is the
 * tenant's own slug (what a create gives) counts as equal.
 */
public final class DiffSummary {
  /** Stands for "the tenant's own slug" in a group's key; no project can be spelled this way. */
  private static final String OWN_SLUG = "\u0000slug";

  private DiffSummary() {}

  /** One tenant as planned: who it is, and its settings now and after the change. */
  public record Planned(ObjectDiff.Tenant tenant, Snapshot before, Snapshot after) {}

  /**
   * Tenants with the same change: {@code changes} are those of {@code example} (the first of {@code
   * slugs}, in selection order); each other tenant's are the same with its own names. Empty {@code
   * changes}: the tenants already have what the rollout sets.
   */
  public record Group(
      int count, String example, List<ObjectDiff.Change> changes, List<String> slugs) {}

  private record Key(DesiredState desired, Snapshot before, Snapshot after) {}

  public static List<Group> of(List<Planned> planned, RenderSettings settings) {
    Map<Key, List<Planned>> groups = new LinkedHashMap<>();
    for (Planned p : planned) {
      String slug = p.tenant().slug();
      Key key =
          new Key(p.tenant().desired(), anonymous(p.before(), slug), anonymous(p.after(), slug));
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
    }
    List<Group> out = new ArrayList<>(groups.size());
    for (List<Planned> members : groups.values()) {
      Planned first = members.get(0);
      List<String> slugs = new ArrayList<>(members.size());
      members.forEach(m -> slugs.add(m.tenant().slug()));
      out.add(
          new Group(
              members.size(),
              first.tenant().slug(),
              ObjectDiff.of(first.tenant(), first.before(), first.after(), settings),
              slugs));
    }
    return out;
  }

  private static Snapshot anonymous(Snapshot s, String slug) {
    GatewayConfig g = s.gatewayConfig();
    if (!g.project().equals(slug)) {
      return s;
    }
    return new Snapshot(
        s.sizing(),
        s.imageVersion(),
        s.fleetVersion(),
        s.fleetImageVersion(),
        new GatewayConfig(
            OWN_SLUG, g.maxConnections(), g.requestsPerSecond(), g.burst(), g.maxQueueSize()));
  }
}
