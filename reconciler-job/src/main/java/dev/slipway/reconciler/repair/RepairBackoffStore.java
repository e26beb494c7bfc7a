package dev.slipway.reconciler.repair;

import dev.slipway.common.retry.RepairBackoff;
import dev.slipway.reconciler.config.ReconcilerConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The per-tenant repair back-off in table repair_backoff (V18): read once per pass, written in the
 * transaction that queues a repair ({@link RepairStore#enqueueRepair}), so a repair and its
 * back-off are recorded together or not at all.
 */
@ApplicationScoped
public class RepairBackoffStore {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private final Pool pool;
  private final RepairBackoff policy;

  RepairBackoffStore(Pool pool, ReconcilerConfig config) {
    this.pool = pool;
    var settings = config.repairBackoff();
    this.policy = new RepairBackoff(settings.base(), settings.max(), settings.resetAfter());
  }

  /**
   * The back-off of every tenant repaired lately, as of {@code now}. With {@code forget}, rows that
   * expired whatever their count are deleted first (the table holds only recent repairs).
   */
  public TenantBackoffs load(Instant now, boolean forget) {
    if (forget) {
      pool.preparedQuery("DELETE FROM repair_backoff WHERE repaired_at < $1")
          .execute(Tuple.of(utc(now.minus(policy.forgetAfter()))))
          .await()
          .atMost(TIMEOUT);
    }
    Map<UUID, RepairBackoff.State> states = new HashMap<>();
    pool.query("SELECT tenant_id, repairs, repaired_at FROM repair_backoff")
        .execute()
        .await()
        .atMost(TIMEOUT)
        .forEach(
            row ->
                states.put(
                    row.getUUID("tenant_id"),
                    new RepairBackoff.State(
                        row.getInteger("repairs"),
                        row.getOffsetDateTime("repaired_at").toInstant())));
    return new TenantBackoffs(policy, states, now);
  }

  /** Records the back-off after a repair, in the repair's transaction. */
  static io.smallrye.mutiny.Uni<Void> record(
      SqlClient tx, UUID tenantId, RepairBackoff.State state) {
    return tx.preparedQuery(
            "INSERT INTO repair_backoff (tenant_id, repairs, repaired_at) VALUES ($1, $2, $3)"
                + " ON CONFLICT (tenant_id) DO UPDATE"
                + " SET repairs = EXCLUDED.repairs, repaired_at = EXCLUDED.repaired_at")
        .execute(Tuple.of(tenantId, state.repairs(), utc(state.repairedAt())))
        .replaceWithVoid();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
