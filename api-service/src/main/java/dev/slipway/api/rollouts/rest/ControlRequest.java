package dev.slipway.api.rollouts.rest;

/** The optional body of pause, resume and abort: why, for the audit. */
public record ControlRequest(String reason) {
  static String reasonOf(ControlRequest body) {
    return body == null ? null : body.reason();
  }
}
