package dev.slipway.worker.health;

import dev.slipway.worker.config.WorkerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Ready only while the command queue answers. */
@Readiness
@ApplicationScoped
public class QueueReadinessCheck implements HealthCheck {
  private final SqsClient sqs;
  private final WorkerConfig config;

  QueueReadinessCheck(SqsClient sqs, WorkerConfig config) {
    this.sqs = sqs;
    this.config = config;
  }

  @Override
  public HealthCheckResponse call() {
    var builder = HealthCheckResponse.named("command-queue");
    try {
      sqs.getQueueAttributes(b -> b.queueUrl(config.queueUrl()));
      return builder.up().build();
    } catch (RuntimeException e) {
      return builder.down().withData("error", e.getClass().getSimpleName()).build();
    }
  }
}
