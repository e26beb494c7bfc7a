package dev.slipway.common.model;

/** Kinds of work an operation (and the command that carries it) asks for. */
public enum OperationType {
  CREATE,
  UPDATE,
  START,
  STOP,
  DELETE,
  ROTATE_TOKEN,
  RECONCILE,
  /** Soft delete: the tenant goes OFFLINE for its grace period; a later DELETE purges it. */
  SOFT_DELETE,
  /** A soft-deleted tenant back to the state it had. */
  RESTORE,
  SUSPEND,
  RESUME
}
