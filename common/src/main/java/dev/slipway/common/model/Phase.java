package dev.slipway.common.model;

/** Observed lifecycle phase of a tenant, as written back by the worker and the reconciler. */
public enum Phase {
  PENDING,
  PROVISIONING,
  RUNNING,
  STOPPED,
  DEGRADED,
  FAILED,
  DELETING,
  DELETED
}
