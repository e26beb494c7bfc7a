package dev.slipway.local.kube.flow;

import dev.slipway.local.kube.auth.Identity;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The emulator's API Priority and Fairness: every authenticated identity has a FlowSchema and a
 * priority level of its own (as a platform team gives each controller one, so the reconciler's
 * listing cannot starve the worker), the admin and health probes are exempt. A level has {@link
 * #seats()} concurrent seats; a request beyond them is rejected with 429 and {@code Retry-After}
 * (no queueing). Each admitted request holds its seat at least {@link #hold()}: the emulator
 * answers in microseconds, so the hold stands in for a real server's work time and makes the seat
 * count a capacity (seats / hold requests per second). Off by default (0 seats: unlimited); tests
 * and the local stack turn it on at runtime with {@link #limit}.
 */
public final class FlowControl {

  public static final PriorityLevel EXEMPT = new PriorityLevel("exempt", "exempt", true);
  public static final PriorityLevel PROBES = new PriorityLevel("probes", "exempt", true);

  /** The Retry-After a rejected request gets, in seconds (the real server's default too). */
  public static final int RETRY_AFTER_SECONDS = 1;

  private volatile int seats;
  private volatile Duration hold = Duration.ZERO;
  private final Map<String, AtomicInteger> inUse = new ConcurrentHashMap<>();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong admitted = new AtomicLong();

  /** One admitted request's seat; release it when the answer is sent. */
  public interface Seat {
    void release();
  }

  private static final Seat NO_SEAT = () -> {};

  /**
   * Limits every non-exempt priority level to {@code seats} concurrent requests, each holding its
   * seat at least {@code hold}; {@code seats} 0 lifts the limit.
   */
  public FlowControl limit(int seats, Duration hold) {
    if (seats < 0 || hold.isNegative()) {
      throw new IllegalArgumentException("seats and hold must not be negative");
    }
    this.hold = hold;
    this.seats = seats;
    return this;
  }

  /** No limit, no hold: the default. */
  public FlowControl unlimited() {
    return limit(0, Duration.ZERO);
  }

  public int seats() {
    return seats;
  }

  public Duration hold() {
    return hold;
  }

  /** Requests rejected with 429 so far. */
  public long rejected() {
    return rejected.get();
  }

  /** Requests admitted to a limited level so far. */
  public long admitted() {
    return admitted.get();
  }

  /** The level of an identity; null (an unauthenticated public path): the probes' exempt level. */
  public PriorityLevel classify(Identity identity) {
    if (identity == null) {
      return PROBES;
    }
    if (identity.superUser()) {
      return EXEMPT;
    }
    return new PriorityLevel(identity.name(), identity.name(), false);
  }

  /** A seat on {@code level}, or null when all its seats are taken (answer 429). */
  public Seat admit(PriorityLevel level) {
    int limit = seats;
    if (level.exempt() || limit <= 0) {
      return NO_SEAT;
    }
    AtomicInteger used = inUse.computeIfAbsent(level.name(), n -> new AtomicInteger());
    if (used.incrementAndGet() > limit) {
      used.decrementAndGet();
      rejected.incrementAndGet();
      return null;
    }
    admitted.incrementAndGet();
    return used::decrementAndGet;
  }
}
