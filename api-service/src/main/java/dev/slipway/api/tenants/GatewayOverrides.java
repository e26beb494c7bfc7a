package dev.slipway.api.tenants;

import dev.slipway.api.http.ApiException;
import dev.slipway.common.model.GatewayConfig;
import java.util.regex.Pattern;

/**
 * Gateway settings a request sets; a null field keeps the value it is applied to. Every bound must
 * be between 1 and {@link #MAX}.
 */
public record GatewayOverrides(
    String project,
    Integer maxConnections,
    Integer requestsPerSecond,
    Integer burst,
    Integer maxQueueSize) {

  /** Upper bound of every numeric setting: far above any plan, low enough to catch typos. */
  public static final int MAX = 10_000_000;

  private static final Pattern PROJECT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

  /** {@code base} with this request's settings applied; 422 naming the first invalid field. */
  public GatewayConfig applyTo(GatewayConfig base) {
    if (project != null && !PROJECT.matcher(project).matches()) {
      throw ApiException.invalidField(
          "gatewayConfig.project",
          "project must be 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    return new GatewayConfig(
        project != null ? project : base.project(),
        bounded("maxConnections", maxConnections, base.maxConnections()),
        bounded("requestsPerSecond", requestsPerSecond, base.requestsPerSecond()),
        bounded("burst", burst, base.burst()),
        bounded("maxQueueSize", maxQueueSize, base.maxQueueSize()));
  }

  private static int bounded(String field, Integer value, int base) {
    if (value == null) {
      return base;
    }
    if (value < 1 || value > MAX) {
      throw ApiException.invalidField(
          "gatewayConfig." + field, field + " must be between 1 and " + MAX);
    }
    return value;
  }
}
