package dev.slipway.common.model;

/** Lifecycle of one operation: queued by the API, run and finished by the worker. */
public enum OperationStatus {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED,
  SUPERSEDED;

  /** True once nothing more will happen to the operation. */
  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED || this == SUPERSEDED;
  }
}
