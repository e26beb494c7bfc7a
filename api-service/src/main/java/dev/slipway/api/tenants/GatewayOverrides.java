package dev.slipway.api.tenants;

import dev.slipway.common.model.GatewayConfig;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * Gateway settings a request sets; a null field keeps the value it is applied to. The bounds are
 * Bean Validation constraints, checked (422 naming the field) before a request reaches a service,
 * and shown in the OpenAPI schema.
 */
public record GatewayOverrides(
    @Pattern(
            regexp = "^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$",
            message =
                "project must be 1-63 letters, digits, '.', '_' or '-', starting with a letter or"
                    + " digit")
        String project,
    @Min(value = 1, message = "maxConnections must be between 1 and " + GatewayOverrides.MAX)
        @Max(value = MAX, message = "maxConnections must be between 1 and " + GatewayOverrides.MAX)
        Integer maxConnections,
    @Min(value = 1, message = "requestsPerSecond must be between 1 and " + GatewayOverrides.MAX)
        @Max(
            value = MAX,
            message = "requestsPerSecond must be between 1 and " + GatewayOverrides.MAX)
        Integer requestsPerSecond,
    @Min(value = 1, message = "burst must be between 1 and " + GatewayOverrides.MAX)
        @Max(value = MAX, message = "burst must be between 1 and " + GatewayOverrides.MAX)
        Integer burst,
    @Min(value = 1, message = "maxQueueSize must be between 1 and " + GatewayOverrides.MAX)
        @Max(value = MAX, message = "maxQueueSize must be between 1 and " + GatewayOverrides.MAX)
        Integer maxQueueSize) {

  /** Upper bound of every numeric setting: far above any plan, low enough to catch typos. */
  public static final int MAX = 10_000_000;

  /** {@code base} with this request's settings applied (validated as the request was). */
  public GatewayConfig applyTo(GatewayConfig base) {
    return new GatewayConfig(
        project != null ? project : base.project(),
        maxConnections != null ? maxConnections : base.maxConnections(),
        requestsPerSecond != null ? requestsPerSecond : base.requestsPerSecond(),
        burst != null ? burst : base.burst(),
        maxQueueSize != null ? maxQueueSize : base.maxQueueSize());
  }
}
