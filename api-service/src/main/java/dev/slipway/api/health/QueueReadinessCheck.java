package dev.slipway.api.health;

import dev.slipway.api.config.ApiConfig;
import dev.slipway.shared.health.QueueProbe;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Whether the command queue answers, at {@code /q/health/group/queue}. Deliberately not a readiness
 * check: the outbox decouples writes from SQS, so an API that cannot reach the queue must keep
 * taking writes (the relay catches up later); taking the pods out of the Service would turn a queue
 * outage into an API outage. Alert on slipway_outbox_oldest_pending_age_seconds.
 */
@HealthGroup("queue")
@ApplicationScoped
public class QueueReadinessCheck implements HealthCheck {
  private final QueueProbe probe;

  QueueReadinessCheck(SqsClient sqs, ApiConfig config) {
    this.probe = new QueueProbe(sqs, config.queueUrl());
  }

  @Override
  public HealthCheckResponse call() {
    return probe.health("command-queue");
  }
}
