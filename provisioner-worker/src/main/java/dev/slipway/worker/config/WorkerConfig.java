package dev.slipway.worker.config;

import dev.slipway.common.render.RenderSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** All configuration of the provisioner-worker, under {@code slipway.worker}. */
@ConfigMapping(prefix = "slipway.worker")
public interface WorkerConfig {

  /** URL of the SQS FIFO command queue to consume. */
  String queueUrl();

  /** URL of the command queue's dead-letter queue, for its depth metric; none: not reported. */
  java.util.Optional<String> dlqUrl();

  /** How often queue depths are read (GetQueueAttributes) for the queue metrics. */
  @WithDefault("15s")
  Duration queueMetricsInterval();

  /**
   * The poll loop is reported not live when it has not come round for this long (a stuck receive or
   * handler); Kubernetes then restarts the pod.
   */
  @WithDefault("5m")
  Duration pollLoopStallAfter();

  /** How tenant objects are rendered. */
  Tenants tenants();

  /** Receiving from the queue. */
  Consumer consumer();

  /** Back-off of transient failures (redelivery through the message's visibility timeout). */
  Retry retry();

  /** The Deployment informer that writes observed readiness back to the database. */
  Status status();

  /** Timeout of each database statement issued while processing a command. */
  @WithDefault("10s")
  Duration dbTimeout();

  interface Tenants {
    /** Namespace holding every tenant's objects. */
    @WithDefault("tenants")
    String namespace();

    /** Tenant host names are {@code {slug}.{domain}}. */
    @WithDefault("example.com")
    String domain();

    /** The gateway container image. */
    @WithDefault("ghcr.io/slipway/gateway:latest")
    String image();

    /** Ingress class of tenant Ingresses. */
    @WithDefault("nginx")
    String ingressClassName();

    /** cert-manager ClusterIssuer that issues tenant TLS certificates. */
    @WithDefault("letsencrypt")
    String clusterIssuer();

    default RenderSettings renderSettings() {
      return new RenderSettings(
          namespace(), domain(), image(), ingressClassName(), clusterIssuer());
    }
  }

  interface Consumer {
    /** Start consuming at startup. Off only in tests that drive the processor directly. */
    @WithDefault("true")
    boolean enabled();

    /** Long-poll wait of each ReceiveMessage call (SQS maximum 20 s). */
    @WithDefault("20s")
    Duration waitTime();

    /** Messages per ReceiveMessage call (SQS maximum 10). */
    @WithDefault("10")
    int maxMessages();

    /**
     * How often the visibility of a message being processed is extended. Keep it well below the
     * queue's visibility timeout and {@link #heartbeatExtension()}.
     */
    @WithDefault("10s")
    Duration heartbeatInterval();

    /** Each extension makes the message invisible for this long from now. */
    @WithDefault("30s")
    Duration heartbeatExtension();

    /** Visibility given to a message that cannot be parsed, so it reaches the DLQ quickly. */
    @WithDefault("1s")
    Duration invalidMessageVisibility();
  }

  interface Retry {
    /** Delay of the first retry; doubled per receive, with full jitter. */
    @WithDefault("2s")
    Duration baseDelay();

    /** Upper bound of one retry delay. */
    @WithDefault("5m")
    Duration maxDelay();
  }

  interface Status {
    /** Run the Deployment informer in this process. */
    @WithDefault("true")
    boolean enabled();

    /** Informer resync: re-evaluates every Deployment's status even without an event. */
    @WithDefault("5m")
    Duration resync();
  }
}
