package dev.slipway.worker.health;

import dev.slipway.shared.health.QueueProbe;
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
  private final QueueProbe probe;

  QueueReadinessCheck(SqsClient sqs, WorkerConfig config) {
    this.probe = new QueueProbe(sqs, config.queueUrl());
  }

  @Override
  public HealthCheckResponse call() {
    return probe.health("command-queue");
  }
}
