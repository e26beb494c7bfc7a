package dev.slipway.reconciler.diff;

import dev.slipway.common.model.Condition;
import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.Phase;
import dev.slipway.common.phase.ObservedWorkload;
import dev.slipway.common.phase.PhaseRules;
import dev.slipway.shared.tenants.TenantRow;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Compares a started or stopped (or OFFLINE: stopped and unrouted) tenant's database phase with its
 * pods. Only once the worker applied the current generation: before that the phase is the worker's
 * to move.
 */
final class StatusCheck {
  // Phases a stopped tenant passes through or left behind; FAILED and DELETING are not status.
  private static final Set<Phase> WINDING_DOWN =
      EnumSet.of(Phase.RUNNING, Phase.PROVISIONING, Phase.DEGRADED);
  private final Instant now;
  private final Duration grace;
  private final int restartThreshold;

  StatusCheck(Instant now, Duration grace, int restartThreshold) {
    this.now = now;
    this.grace = grace;
    this.restartThreshold = restartThreshold;
  }

  Optional<StatusFix> check(TenantRow tenant, List<Pod> pods) {
    if (!tenant.applied()) {
      return Optional.empty();
    }
    return switch (tenant.spec().desiredState()) {
      case RUNNING, STOPPED, OFFLINE -> fix(tenant, pods);
      default -> Optional.empty();
    };
  }

  /**
   * The phase the pods show ({@link PhaseRules#observed}), recorded when it differs from the row's
   * and the move is the reconciler's to make: into DEGRADED while pods crash-loop, or with no pod
   * ready past the grace only from RUNNING (before that the tenant may still be starting); into
   * RUNNING from PROVISIONING or DEGRADED; into STOPPED from a phase a stopping tenant passes
   * through. The watcher writes those too; this catches a write it lost (a worker without its
   * informer, a failed write whose worker went away).
   */
  private Optional<StatusFix> fix(TenantRow tenant, List<Pod> pods) {
    Phase phase = tenant.phase();
    int ready = (int) pods.stream().filter(StatusCheck::ready).count();
    int crashing = (int) pods.stream().filter(this::crashLooping).count();
    int spec = tenant.spec().desiredState() == DesiredState.RUNNING ? 1 : 0;
    boolean stalled = ready == 0 && pods.stream().noneMatch(this::young);
    Phase target =
        PhaseRules.observed(new ObservedWorkload(spec, ready, pods.size(), crashing, stalled));
    if (target == phase) {
      return Optional.empty();
    }
    return switch (target) {
      case DEGRADED ->
          crashing > 0
              ? degraded(phase, ready, "CrashLoopBackOff", crashing + " pod(s) restarting")
              : phase == Phase.RUNNING
                  ? degraded(phase, 0, "NoReadyPods", pods.size() + " pod(s), none ready")
                  : Optional.empty();
      case RUNNING ->
          phase == Phase.PROVISIONING || phase == Phase.DEGRADED
              ? recovered(phase, Phase.RUNNING, ready, Condition.TRUE, ready + " pod(s) ready")
              : Optional.empty();
      case STOPPED ->
          WINDING_DOWN.contains(phase)
              ? recovered(phase, Phase.STOPPED, 0, Condition.FALSE, "no pod left")
              : Optional.empty();
      default -> Optional.empty();
    };
  }

  private static Optional<StatusFix> recovered(
      Phase from, Phase to, int ready, String condition, String message) {
    return Optional.of(
        new StatusFix(from, to, ready, condition, PhaseRules.reason(to), message, false));
  }

  private static Optional<StatusFix> degraded(
      Phase from, int ready, String reason, String message) {
    return Optional.of(
        new StatusFix(from, Phase.DEGRADED, ready, Condition.FALSE, reason, message, true));
  }

  private static boolean ready(Pod pod) {
    return pod.getStatus() != null
        && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** Waiting in CrashLoopBackOff, or not ready after restarting at least the threshold. */
  private boolean crashLooping(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
      return false;
    }
    for (ContainerStatus c : pod.getStatus().getContainerStatuses()) {
      var waiting = c.getState() == null ? null : c.getState().getWaiting();
      if (waiting != null && "CrashLoopBackOff".equals(waiting.getReason())) {
        return true;
      }
      int restarts = c.getRestartCount() == null ? 0 : c.getRestartCount();
      if (restarts >= restartThreshold && !Boolean.TRUE.equals(c.getReady())) {
        return true;
      }
    }
    return false;
  }

  /** A pod this young may still be starting, so "none ready" is not yet a fault. */
  private boolean young(Pod pod) {
    String created = pod.getMetadata().getCreationTimestamp();
    try {
      return created != null && Instant.parse(created).plus(grace).isAfter(now);
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
