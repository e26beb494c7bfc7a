package dev.slipway.worker.converge;

import dev.slipway.common.model.OperationStatus;
import java.time.Duration;

/**
 * How converging one command ended, independent of the transport that delivered it: the messaging
 * layer maps it to delete the message (converged, already done, forged, failed) or make it visible
 * again after {@link RetryLater#delay}), or move it to the dead-letter queue ({@link Exhausted}).
 */
public sealed interface Convergence {

  /**
   * The tenant's objects match its desired state and the result is recorded.
   *
   * @param superseded whether a newer generation was applied in place of the command's own
   */
  record Converged(boolean superseded) implements Convergence {}

  /** The operation was finished before this delivery (a redelivery or a duplicate): a no-op. */
  record AlreadyDone(OperationStatus status) implements Convergence {}

  /**
   * The command names an operation that is not its own (none, or another tenant's, type or
   * generation): nothing of any tenant was changed; acknowledged so it cannot come back.
   */
  record Forged() implements Convergence {}

  /** A transient failure, recorded on the operation; try again after {@code delay}. */
  record RetryLater(String reason, Duration delay) implements Convergence {}

  /**
   * A transient failure on the command's last allowed attempt ({@code slipway.worker.retry
   * .max-attempts}): recorded on the operation, which stays RUNNING for an operator to replay it
   * from the dead-letter queue once the cause is fixed.
   */
  record Exhausted(String reason, int attempts) implements Convergence {}

  /** A permanent failure, recorded on the operation and the tenant (FAILED); no retry can help. */
  record Failed(String reason) implements Convergence {}
}
