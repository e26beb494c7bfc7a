package dev.slipway.api.rollouts.planning;

import java.util.List;
import java.util.Map;

/**
 * Which tenants a rollout changes: live tenants (not deleted, not offline) matching every criterion
 * given among plans, namespaces and labels, plus those named in slugs. Pinned and frozen tenants
 * are left out unless named in slugs.
 */
public record RolloutSelector(
    List<String> plans, List<String> namespaces, Map<String, String> labels, List<String> slugs) {

  /** Whether any of plans, namespaces and labels is given (else only the slugs select). */
  public boolean hasCriteria() {
    return !plans.isEmpty() || !namespaces.isEmpty() || !labels.isEmpty();
  }
}
