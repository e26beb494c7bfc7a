package dev.slipway.worker.repository;

import dev.slipway.common.model.OperationStatus;
import dev.slipway.common.model.OperationType;
import dev.slipway.common.phase.PhaseRules;
import dev.slipway.shared.tenants.TenantRow;
import dev.slipway.shared.tenants.TenantRows;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * The two statements a command costs on its happy path: {@link #begin} at the start and {@link
 * #finishApplied} at the end. Each merges what used to be separate round trips (status, begin and
 * load; applied and succeeded) into one data-modifying CTE, because at a burst of creates those
 * round trips were half of the worker's per-tenant wait (docs/benchmarks.md, P3). Merging the end
 * also closes the window in which a crash left a tenant recorded applied under a RUNNING operation.
 */
@ApplicationScoped
public class CommandStore {
  /**
   * The operation the command names, only if it is the command's own: same tenant, type and
   * generation as the row the API wrote with it (service-common's OutboxWriter, one transaction). A
   * message naming someone else's operation finds no row, so it can neither begin nor load
   * anything; the check costs no extra round trip.
   */
  private static final String OWN_OPERATION =
      "id = $1 AND tenant_id = $2 AND type = $3 AND generation = $4";

  /**
   * {@code op} reads the status as it was before this statement ({@code begun} cannot change what
   * the statement's snapshot sees); {@code begun} is {@link OperationStore}'s begin. The tenant is
   * read whatever the operation's state: a cheap indexed read, simpler than a second statement.
   */
  private static final String BEGIN =
      """
      WITH op AS (SELECT status FROM operations WHERE %1$s),
      begun AS (
        UPDATE operations SET status = 'RUNNING', attempts = attempts + 1,
          started_at = coalesce(started_at, now())
        WHERE %1$s AND %2$s
        RETURNING id)
      SELECT op.status, EXISTS (SELECT 1 FROM begun) AS begun, %3$s
      FROM op LEFT JOIN tenants t ON t.id = $2
      """
          .formatted(OWN_OPERATION, OperationStore.OPEN, TenantRows.columns("t"));

  /**
   * Both updates run whatever the other matches, exactly as the two statements did: the tenant is
   * recorded only while {@code generation} is still its desired one (a newer change keeps its own
   * status), and only an open operation is finished. The phase moves as {@link
   * PhaseRules#afterApply} says (PENDING or FAILED to PROVISIONING); the informer writes the phases
   * after that, as it sees readiness change.
   */
  private static final String FINISH_APPLIED =
      """
      WITH applied AS (
        UPDATE tenants SET observed_generation = $3, last_error = NULL,
          phase = %s,
          conditions = slipway_set_condition(conditions, 'Applied', 'True', 'Applied', $5),
          status_updated_at = now(), updated_at = now()
        WHERE id = $2 AND generation = $3)
      UPDATE operations SET status = $4, finished_at = now()
      WHERE id = $1 AND tenant_id = $2 AND %s
      """
          .formatted(PhaseRules.afterApplySql(), OperationStore.OPEN);

  private final Db db;
  private final StoredTokens tokens;

  CommandStore(Db db, StoredTokens tokens) {
    this.db = db;
    this.tokens = tokens;
  }

  /**
   * What a delivery of a command finds when it starts: the operation's status before, whether this
   * delivery began it (open operation: RUNNING, one more attempt), and the tenant {@code tenantId}
   * (empty when its row is gone). Empty when there is no such operation, or when it belongs to
   * another tenant or was issued for another type or generation: a forged command.
   */
  public Optional<Begin> begin(
      UUID operationId, UUID tenantId, OperationType type, long generation) {
    return db.first(BEGIN, Tuple.of(operationId, tenantId, type.name(), generation))
        .map(
            row ->
                new Begin(
                    OperationStatus.valueOf(row.getString("status")),
                    row.getBoolean("begun"),
                    row.getUUID("id") == null
                        ? Optional.empty()
                        : Optional.of(TenantRows.from(row, tokens::open))));
  }

  /**
   * Records generation {@code generation} of the tenant applied and finishes the open operation as
   * {@code finished} (SUCCEEDED, or SUPERSEDED when it applied a newer generation than its own).
   * The operation is finished only while it is {@code tenantId}'s.
   */
  public void finishApplied(
      UUID operationId, UUID tenantId, long generation, OperationStatus finished) {
    db.update(
        FINISH_APPLIED,
        Tuple.of(
            operationId,
            tenantId,
            generation,
            finished.name(),
            "generation " + generation + " applied"));
  }

  /**
   * @param status the operation's status before this delivery
   * @param begun whether this delivery began it; false when it was already finished
   * @param tenant the tenant the command names, empty when there is no such row
   */
  public record Begin(OperationStatus status, boolean begun, Optional<TenantRow> tenant) {}
}
