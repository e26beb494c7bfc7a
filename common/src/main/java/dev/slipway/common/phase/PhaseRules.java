package dev.slipway.common.phase;

import dev.slipway.common.model.Phase;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules for a tenant's phase, in one place: the phase the cluster shows ({@link #observed}) and
 * the transitions the worker's command path makes. Who writes which phase and when is in
 * docs/architecture.md ("Who writes tenants.phase"); the status watcher, the worker's command path
 * and the reconciler's status repair all decide through here.
 */
public final class PhaseRules {
  /** Phases an apply moves on to PROVISIONING; any other phase is the watcher's to move. */
  public static final Set<Phase> LEFT_BY_APPLY = Set.of(Phase.PENDING, Phase.FAILED);

  /** Phases no readiness write may overwrite: the command path owns them. */
  public static final Set<Phase> OWNED_BY_COMMANDS =
      Set.of(Phase.FAILED, Phase.DELETING, Phase.DELETED);

  private PhaseRules() {}

  /**
   * The phase the cluster shows. A started tenant is DEGRADED while pods crash-loop, RUNNING once
   * one replica is ready (its gateway serves), DEGRADED when stalled with none ready, PROVISIONING
   * otherwise. A stopped tenant is STOPPED once no replica is left, PROVISIONING while pods wind
   * down.
   */
  public static Phase observed(ObservedWorkload w) {
    if (w.specReplicas() > 0) {
      if (w.crashingPods() > 0) {
        return Phase.DEGRADED;
      }
      if (w.readyReplicas() >= 1) {
        return Phase.RUNNING;
      }
      return w.stalled() ? Phase.DEGRADED : Phase.PROVISIONING;
    }
    return w.readyReplicas() == 0 && w.currentReplicas() == 0 ? Phase.STOPPED : Phase.PROVISIONING;
  }

  /** The phase after an apply of the current generation, given the phase before. */
  public static Phase afterApply(Phase before) {
    return LEFT_BY_APPLY.contains(before) ? Phase.PROVISIONING : before;
  }

  /** {@link #afterApply} as an SQL expression over the {@code phase} column, for atomic updates. */
  public static String afterApplySql() {
    return "CASE WHEN phase IN (" + sqlList(LEFT_BY_APPLY) + ") THEN 'PROVISIONING' ELSE phase END";
  }

  /** An SQL condition: the row's phase is not one of {@link #OWNED_BY_COMMANDS}. */
  public static String notOwnedByCommandsSql() {
    return "phase NOT IN (" + sqlList(OWNED_BY_COMMANDS) + ")";
  }

  /** The Ready condition's reason for a phase: the phase in CamelCase, as Kubernetes reasons. */
  public static String reason(Phase phase) {
    String name = phase.name();
    return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
  }

  private static String sqlList(Set<Phase> phases) {
    return phases.stream()
        .map(p -> "'" + p.name() + "'")
        .sorted()
        .collect(Collectors.joining(", "));
  }
}
