package dev.slipway.api.tenants;

/**
 * Where a tenant stands in its lifecycle, apart from its desired and observed state. Checked in
 * this order: a purged tenant was deleted first, a deleted one may also be suspended.
 */
public enum LifecycleState {
  /** Serving as its desired state says. */
  ACTIVE,
  /** Stopped and unreachable by an admin, with a reason; its own token cannot start it. */
  SUSPENDED,
  /** Soft-deleted: OFFLINE, restorable until {@code purgeAfter}; the slug stays reserved. */
  DELETED,
  /** Removed for good (or being removed): its objects are deleted, the slug is released. */
  PURGED
}
