package dev.slipway.api.health;

import dev.slipway.api.config.ApiConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Ready only while the command queue answers (the outbox relay needs it). */
@Readiness
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
