package dev.slipway.common.model;

/** What the API has been asked for: the worker converges the cluster on this. */
public enum DesiredState {
  /** Objects present, Deployment scaled to the tenant's replica count. */
  RUNNING,
  /** Objects present, Deployment scaled to zero. */
  STOPPED,
  /**
   * Deployment scaled to zero and no Ingress, Secret, Deployment and Service kept: a tenant
   * soft-deleted or suspended. Its row keeps the state to return to (resume_state, migration V11).
   */
  OFFLINE,
  /** Objects removed; the tenant row is kept for audit. */
  DELETED
}
