package dev.slipway.common.model;

/** Kinds of work an operation (and the command that carries it) asks for. */
public enum OperationType {
  CREATE,
  UPDATE,
  START,
  STOP,
  DELETE,
  ROTATE_TOKEN,
  RECONCILE
}
