package dev.slipway.common.retry;

import java.time.Duration;
import java.time.Instant;

/**
 * The reconciler's per-tenant repair back-off. Drift on a tenant not repaired lately is repaired at
 * once. After the n-th repair in a row, a drift that is back waits min(max, base * 2^(n-1)) from
 * that repair, so a webhook or controller that keeps undoing Slipway's change gets ever fewer
 * repairs instead of a loop. A tenant that needed no repair for {@code resetAfter} beyond its wait
 * starts afresh. Pure: the caller keeps the state (in the database, so it survives restarts) and
 * supplies the time. No jitter: repairs happen on passes, a minute or so apart anyway.
 */
public final class RepairBackoff {

  /** A tenant's repairs in a row and when the last one was queued. */
  public record State(int repairs, Instant repairedAt) {
    public State {
      if (repairs < 1) {
        throw new IllegalArgumentException("repairs must be at least 1");
      }
    }
  }

  private final Duration base;
  private final Duration max;
  private final Duration resetAfter;

  public RepairBackoff(Duration base, Duration max, Duration resetAfter) {
    if (base.isNegative() || base.isZero() || resetAfter.isNegative()) {
      throw new IllegalArgumentException("base must be positive, resetAfter not negative");
    }
    this.base = base;
    this.max = max.compareTo(base) < 0 ? base : max;
    this.resetAfter = resetAfter;
  }

  /** How long a drift that is back waits after the {@code repairs}-th repair in a row. */
  public Duration delayAfter(int repairs) {
    int exponent = Math.max(0, Math.min(repairs - 1, 30));
    long millis = base.toMillis() << exponent;
    return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
  }

  /** When the next repair of a tenant in {@code state} may be queued. */
  public Instant nextRepair(State state) {
    return state.repairedAt().plus(delayAfter(state.repairs()));
  }

  /** Whether {@code state} no longer matters: none, or quiet for resetAfter beyond its wait. */
  public boolean expired(State state, Instant now) {
    return state == null || !now.isBefore(nextRepair(state).plus(resetAfter));
  }

  /** Whether a drifted tenant may be repaired now. */
  public boolean mayRepair(State state, Instant now) {
    return expired(state, now) || !now.isBefore(nextRepair(state));
  }

  /** Whether a tenant waits for its next repair at {@code now}. */
  public boolean waiting(State state, Instant now) {
    return !mayRepair(state, now);
  }

  /** The state after a repair queued at {@code now}. */
  public State afterRepair(State state, Instant now) {
    return expired(state, now) ? new State(1, now) : new State(state.repairs() + 1, now);
  }

  /** Rows older than this (repaired before now minus it) have expired whatever their count. */
  public Duration forgetAfter() {
    return max.plus(resetAfter);
  }
}
