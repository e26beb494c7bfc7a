package dev.slipway.api.ratelimit;

import dev.slipway.api.config.ApiConfig;
import dev.slipway.api.http.ApiException;
import dev.slipway.api.http.OverloadedException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Bounds the writes in flight in this process. Past saturation a write waits for one of the pool's
 * connections, and the wait grows with the queue until clients time out and retry, which adds load;
 * answering 503 with Retry-After at once keeps the latency of admitted writes flat and tells
 * clients to back off. Per-caller fairness is {@link WriteRateLimiter}'s job; this is the process's
 * own limit.
 */
@ApplicationScoped
public class WriteConcurrency {
  private final AtomicInteger inFlight = new AtomicInteger();
  private final int max;

  @Inject
  WriteConcurrency(ApiConfig config) {
    this(config.maxConcurrentWrites());
  }

  WriteConcurrency(int max) {
    this.max = max;
  }

  /** Runs the write when there is room for it, else fails with a 503 without starting it. */
  public <T> Uni<T> admit(Supplier<Uni<? extends T>> write) {
    if (max <= 0) {
      return Uni.createFrom().deferred(write);
    }
    return Uni.createFrom()
        .deferred(
            () -> {
              if (inFlight.incrementAndGet() > max) {
                inFlight.decrementAndGet();
                return Uni.createFrom().failure(overloaded());
              }
              return Uni.createFrom()
                  .deferred(write)
                  .onTermination()
                  .invoke(inFlight::decrementAndGet);
            });
  }

  /** Writes running now; for tests and the gauge. */
  public int inFlight() {
    return inFlight.get();
  }

  private ApiException overloaded() {
    return new OverloadedException(max);
  }
}
