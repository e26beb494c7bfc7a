package dev.slipway.api.tenants;

import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/**
 * At most one read in flight: callers that ask while one runs share its result instead of starting
 * their own. Once it ends, with an item or a failure, the next caller starts a new one. Without
 * this, every request that found a cached value expired would run the same query at once.
 */
final class SingleFlight<T> {
  private Uni<T> inFlight; // guarded by this

  /**
   * The read in flight, or {@code read} started as the new one; subscribe to run it (it runs once
   * however many subscribe).
   */
  synchronized Uni<T> get(Supplier<Uni<T>> read) {
    if (inFlight == null) {
      inFlight = read.get().onTermination().invoke(this::ended).memoize().indefinitely();
    }
    return inFlight;
  }

  private synchronized void ended() {
    inFlight = null;
  }
}
