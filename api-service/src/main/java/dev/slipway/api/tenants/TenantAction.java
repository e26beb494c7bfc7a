package dev.slipway.api.tenants;

import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.OperationType;

/** Changes of desired state a client can ask for after creation. */
public enum TenantAction {
  START(OperationType.START),
  STOP(OperationType.STOP),
  DELETE(OperationType.DELETE),
  ROTATE_TOKEN(OperationType.ROTATE_TOKEN);

  private final OperationType operationType;

  TenantAction(OperationType operationType) {
    this.operationType = operationType;
  }

  public OperationType operationType() {
    return operationType;
  }

  /**
   * What the action means for a tenant whose desired state is {@code current}: the new desired
   * state, {@code null} when the tenant is already there (nothing to do), or a conflict.
   */
  public Decision decide(DesiredState current) {
    if (current == DesiredState.DELETED) {
      return this == DELETE
          ? Decision.unchanged()
          : Decision.conflict("the tenant is deleted; create a new one instead");
    }
    return switch (this) {
      case START ->
          current == DesiredState.RUNNING
              ? Decision.unchanged()
              : Decision.change(DesiredState.RUNNING);
      case STOP ->
          current == DesiredState.STOPPED
              ? Decision.unchanged()
              : Decision.change(DesiredState.STOPPED);
      case DELETE -> Decision.change(DesiredState.DELETED);
      case ROTATE_TOKEN -> Decision.change(current);
    };
  }

  /** Outcome of {@link #decide}: exactly one of the three. */
  public record Decision(DesiredState target, String conflict) {
    static Decision unchanged() {
      return new Decision(null, null);
    }

    static Decision change(DesiredState target) {
      return new Decision(target, null);
    }

    static Decision conflict(String reason) {
      return new Decision(null, reason);
    }

    public boolean isChange() {
      return target != null;
    }

    public boolean isConflict() {
      return conflict != null;
    }
  }
}
