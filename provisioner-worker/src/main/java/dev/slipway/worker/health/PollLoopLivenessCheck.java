package dev.slipway.worker.health;

import dev.slipway.worker.config.WorkerConfig;
import dev.slipway.worker.messaging.QueueConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while the poll loop keeps coming round. A loop stuck in a receive or a handler for longer
 * than {@code poll-loop-stall-after} is only fixed by a restart, which failing liveness asks for.
 */
@Liveness
@ApplicationScoped
public class PollLoopLivenessCheck implements HealthCheck {
  private final QueueConsumer consumer;
  private final WorkerConfig config;

  PollLoopLivenessCheck(QueueConsumer consumer, WorkerConfig config) {
    this.consumer = consumer;
    this.config = config;
  }

  @Override
  public HealthCheckResponse call() {
    var builder = HealthCheckResponse.named("poll-loop");
    Instant last = consumer.lastLoop();
    if (last == null) {
      return builder.up().withData("consuming", false).build();
    }
    Duration since = Duration.between(last, Instant.now());
    return builder
        .status(since.compareTo(config.pollLoopStallAfter()) < 0)
        .withData("secondsSinceLastLoop", since.toSeconds())
        .build();
  }
}
