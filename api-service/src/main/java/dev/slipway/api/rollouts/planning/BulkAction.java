package dev.slipway.api.rollouts.planning;

import dev.slipway.api.http.ApiException;
import dev.slipway.api.plans.PlanCatalog;
import java.util.Arrays;
import java.util.List;

/**
 * What a bulk operation (a rollout of kind BULK) does to each selected tenant, through the same
 * lifecycle path as the single-tenant endpoint. Stop and delete are destructive: they take gateways
 * out of service, so over a configured share or count of the fleet they need the exact number of
 * tenants confirmed. A plan change is not: it keeps every gateway serving (a rolling update) and is
 * rolled back on a halt like a rollout's plan target.
 */
public enum BulkAction {
  STOP("stop", true),
  START("start", false),
  DELETE("delete", true),
  CHANGE_PLAN("change-plan", false);

  private final String wire;
  private final boolean destructive;

  BulkAction(String wire, boolean destructive) {
    this.wire = wire;
    this.destructive = destructive;
  }

  /** The name a request and the stored target use, e.g. {@code change-plan}. */
  public String wire() {
    return wire;
  }

  public boolean destructive() {
    return destructive;
  }

  public static List<String> names() {
    return Arrays.stream(values()).map(BulkAction::wire).toList();
  }

  /** The action of a stored (valid) name. */
  public static BulkAction of(String wire) {
    for (BulkAction a : values()) {
      if (a.wire.equals(wire)) {
        return a;
      }
    }
    throw new IllegalArgumentException("no bulk action " + wire);
  }

  /** A bulk target as sent: the action, and for change-plan a known plan, nothing else. */
  static RolloutTarget target(RolloutRequest.Target t, PlanCatalog plans) {
    BulkAction action =
        Arrays.stream(values())
            .filter(a -> a.wire.equals(t.action()))
            .findFirst()
            .orElseThrow(
                () ->
                    ApiException.invalidField("target.action", "action must be one of " + names()));
    if (t.imageVersion() != null || t.gatewayConfig() != null) {
      throw ApiException.invalidField(
          "target", "a bulk action takes no imageVersion or gatewayConfig (that is a rollout)");
    }
    if (action == CHANGE_PLAN) {
      if (t.plan() == null || plans.find(t.plan()).isEmpty()) {
        throw ApiException.invalidField(
            "target.plan",
            t.plan() == null
                ? "change-plan needs the plan to change to"
                : "unknown plan '" + t.plan() + "'");
      }
    } else if (t.plan() != null) {
      throw ApiException.invalidField("target.plan", "only change-plan takes a plan");
    }
    return new RolloutTarget(null, null, t.plan(), action.wire);
  }
}
