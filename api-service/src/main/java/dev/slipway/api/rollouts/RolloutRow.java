package dev.slipway.api.rollouts;

import dev.slipway.api.rollouts.planning.RolloutSelector;
import dev.slipway.api.rollouts.planning.RolloutStrategy;
import dev.slipway.api.rollouts.planning.RolloutTarget;
import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A rollout as stored (table rollouts, migration V13). */
public record RolloutRow(
    UUID id,
    String kind,
    RolloutTarget target,
    RolloutSelector selector,
    RolloutStrategy strategy,
    String reason,
    String requestedBy,
    String status,
    Integer fleetVersion,
    int currentWave,
    OffsetDateTime waveStartedAt,
    OffsetDateTime bakeUntil,
    String lastError,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    OffsetDateTime finishedAt) {

  public static final String COLUMNS =
      "r.id, r.kind, r.target::text AS target, r.selector::text AS selector,"
          + " r.strategy::text AS strategy, r.reason, r.requested_by, r.status, r.fleet_version,"
          + " r.current_wave, r.wave_started_at, r.bake_until, r.last_error, r.created_at,"
          + " r.updated_at, r.finished_at";

  public static RolloutRow from(Row r) {
    return new RolloutRow(
        r.getUUID("id"),
        r.getString("kind"),
        RolloutJson.read(r.getString("target"), RolloutTarget.class),
        RolloutJson.read(r.getString("selector"), RolloutSelector.class),
        RolloutJson.read(r.getString("strategy"), RolloutStrategy.class),
        r.getString("reason"),
        r.getString("requested_by"),
        r.getString("status"),
        r.getInteger("fleet_version"),
        r.getInteger("current_wave"),
        r.getOffsetDateTime("wave_started_at"),
        r.getOffsetDateTime("bake_until"),
        r.getString("last_error"),
        r.getOffsetDateTime("created_at"),
        r.getOffsetDateTime("updated_at"),
        r.getOffsetDateTime("finished_at"));
  }

  /** Whether the rollout still holds its tenants (may change them). */
  public boolean active() {
    return finishedAt == null
        && (status.equals("RUNNING") || status.equals("PAUSED") || status.equals("HALTED"));
  }
}
