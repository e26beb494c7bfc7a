package dev.slipway.worker.metrics;

import dev.slipway.common.metrics.MetricNames;
import dev.slipway.worker.config.WorkerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Depth of the command queue and its dead-letter queue, read from SQS on an interval. */
@Startup
@ApplicationScoped
public class QueueDepthMetrics {
  private static final Logger LOG = Logger.getLogger(QueueDepthMetrics.class);
  private final SqsClient sqs;
  private final WorkerConfig config;
  private final Map<String, AtomicLong[]> gauges;

  QueueDepthMetrics(SqsClient sqs, WorkerConfig config, MeterRegistry registry) {
    this.sqs = sqs;
    this.config = config;
    this.gauges =
        Map.of(
            "commands", register(registry, "commands"),
            "dead-letter", register(registry, "dead-letter"));
  }

  @Scheduled(
      every = "${slipway.worker.queue-metrics-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void refresh() {
    read("commands", config.queueUrl());
    read("dead-letter", config.dlqUrl());
  }

  private void read(String queue, String url) {
    try {
      var attributes =
          sqs.getQueueAttributes(
                  b ->
                      b.queueUrl(url)
                          .attributeNames(
                              QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                              QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
              .attributes();
      AtomicLong[] pair = gauges.get(queue);
      pair[0].set(
          Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)));
      pair[1].set(
          Long.parseLong(
              attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)));
    } catch (RuntimeException e) {
      LOG.debugf("could not read the depth of the %s queue: %s", queue, e.getMessage());
    }
  }

  private static AtomicLong[] register(MeterRegistry registry, String queue) {
    return new AtomicLong[] {
      gauge(registry, queue, "visible"), gauge(registry, queue, "in_flight")
    };
  }

  private static AtomicLong gauge(MeterRegistry registry, String queue, String state) {
    return registry.gauge(
        MetricNames.QUEUE_MESSAGES,
        List.of(Tag.of("queue", queue), Tag.of("state", state)),
        new AtomicLong());
  }
}
