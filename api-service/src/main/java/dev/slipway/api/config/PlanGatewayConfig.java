package dev.slipway.api.config;

/** Gateway limits a tenant on the plan starts with: {@code slipway.api.plans.<name>.gateway.*}. */
public interface PlanGatewayConfig {
  /** Concurrent WebSocket connections per tenant. */
  int maxConnections();

  /** Sustained requests per second per tenant. */
  int requestsPerSecond();

  /** Requests allowed above the sustained rate in a burst. */
  int burst();

  /** Work the gateway queues before shedding load ({@code limits.proc.max_queue_size}). */
  int maxQueueSize();
}
