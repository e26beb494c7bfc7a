package dev.slipway.api.health;

import dev.slipway.api.config.ApiConfig;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Whether the command queue answers, at {@code /q/health/group/queue}. Deliberately not a readiness
 * check: the outbox decouples writes from SQS, so an API that cannot reach the queue must keep
 * taking writes (the relay catches up later); taking the pods out of the Service would turn a queue
 * outage into an API outage. Alert on slipway_outbox_oldest_pending_age_seconds.
 */
@HealthGroup("queue")
@ApplicationScoped
public class QueueReadinessCheck implements HealthCheck {
  private final SqsClient sqs;
  private final ApiConfig config;

  QueueReadinessCheck(SqsClient sqs, ApiConfig config) {
    this.sqs = sqs;
    this.config = config;
  }

  @Override
  public HealthCheckResponse call() {
    var builder = HealthCheckResponse.named("command-queue");
    try {
      var attributes =
          sqs.getQueueAttributes(
                  b ->
                      b.queueUrl(config.queueUrl())
                          .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
              .attributes();
      return builder
          .up()
          .withData(
              "approximateMessages",
              attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "?"))
          .build();
    } catch (RuntimeException e) {
      return builder.down().withData("error", e.getClass().getSimpleName()).build();
    }
  }
}
