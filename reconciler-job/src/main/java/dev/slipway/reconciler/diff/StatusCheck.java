package dev.slipway.reconciler.diff;

import dev.slipway.common.model.Condition;
import dev.slipway.common.model.Phase;
import dev.slipway.reconciler.scan.TenantRow;
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
      case RUNNING -> running(tenant, pods);
      case STOPPED, OFFLINE -> stopped(tenant.phase(), pods);
      default -> Optional.empty();
    };
  }

  /**
   * A stopped tenant whose last pod is gone is STOPPED. The watcher writes that; this catches a
   * write it lost (a worker without its informer, a failed write whose worker went away).
   */
  private static Optional<StatusFix> stopped(Phase phase, List<Pod> pods) {
    if (!pods.isEmpty() || !WINDING_DOWN.contains(phase)) {
      return Optional.empty();
    }
    return Optional.of(
        new StatusFix(phase, Phase.STOPPED, 0, Condition.FALSE, "Stopped", "no pod left", false));
  }

  private Optional<StatusFix> running(TenantRow tenant, List<Pod> pods) {
    Phase phase = tenant.phase();
    int ready = (int) pods.stream().filter(StatusCheck::ready).count();
    long crashing = pods.stream().filter(this::crashLooping).count();
    if (crashing > 0) {
      return phase == Phase.DEGRADED
          ? Optional.empty()
          : fix(phase, Phase.DEGRADED, ready, "CrashLoopBackOff", crashing + " pod(s) restarting");
    }
    if (phase == Phase.RUNNING && ready == 0 && pods.stream().noneMatch(this::young)) {
      return fix(phase, Phase.DEGRADED, 0, "NoReadyPods", pods.size() + " pod(s), none ready");
    }
    if ((phase == Phase.PROVISIONING || phase == Phase.DEGRADED) && ready > 0) {
      return Optional.of(
          new StatusFix(
              phase,
              Phase.RUNNING,
              ready,
              Condition.TRUE,
              "Running",
              ready + " pod(s) ready",
              false));
    }
    return Optional.empty();
  }

  private static Optional<StatusFix> fix(
      Phase from, Phase to, int ready, String reason, String message) {
    return Optional.of(new StatusFix(from, to, ready, Condition.FALSE, reason, message, true));
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
