package dev.slipway.common.model;

import java.util.Objects;

/**
 * One observed condition of a tenant, shaped like a Kubernetes condition so tools and people read
 * it the same way. Recorded by the database function {@code slipway_set_condition} (migration V6),
 * which keeps {@code lastTransitionTime} while the status stays the same.
 *
 * @param type e.g. {@code Ready}, {@code Applied}
 * @param status {@code True}, {@code False} or {@code Unknown}
 * @param reason one CamelCase word a program can switch on
 * @param message what a human needs to know; never a secret
 * @param lastTransitionTime RFC 3339 time the status last changed
 */
public record Condition(
    String type, String status, String reason, String message, String lastTransitionTime) {

  public static final String TRUE = "True";
  public static final String FALSE = "False";

  public Condition {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(status, "status");
  }
}
