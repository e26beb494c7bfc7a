package dev.slipway.common.model;

/** What the API has been asked for: the worker converges the cluster on this. */
public enum DesiredState {
  /** Objects present, Deployment scaled to the tenant's replica count. */
  RUNNING,
  /** Objects present, Deployment scaled to zero. */
  STOPPED,
  /** Objects removed; the tenant row is kept for audit. */
  DELETED
}
