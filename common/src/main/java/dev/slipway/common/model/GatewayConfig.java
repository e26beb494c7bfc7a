package dev.slipway.common.model;

import java.util.Objects;

/**
 * The tenant gateway's capacity and rate limits: the shared {@code GATEWAY_CONFIG_JSON} of seed
 * 004, handed to the gateway container. Every bound is positive.
 *
 * @param project project the tenant's traffic is accounted to
 * @param maxConnections concurrent WebSocket connections the gateway accepts
 * @param requestsPerSecond sustained request rate per tenant
 * @param burst requests allowed above the sustained rate in a burst
 * @param maxQueueSize {@code limits.proc.max_queue_size}: work the gateway queues before shedding
 */
public record GatewayConfig(
    String project, int maxConnections, int requestsPerSecond, int burst, int maxQueueSize) {

  public GatewayConfig {
    Objects.requireNonNull(project, "project");
    requirePositive(maxConnections, "maxConnections");
    requirePositive(requestsPerSecond, "requestsPerSecond");
    requirePositive(burst, "burst");
    requirePositive(maxQueueSize, "maxQueueSize");
  }

  /** Conservative limits for a tenant created before plans carried gateway settings. */
  public static GatewayConfig defaults(String project) {
    return new GatewayConfig(project, 100, 50, 100, 1000);
  }

  private static void requirePositive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1");
    }
  }
}
