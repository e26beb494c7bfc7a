package dev.slipway.api.rollouts;

import dev.slipway.api.http.ApiException;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads and writes rollouts and their tenants. */
public final class RolloutRepository {
  private RolloutRepository() {}

  public static void insert(
      SqlConnection c,
      UUID id,
      String kind,
      String target,
      String selector,
      String strategy,
      String reason,
      String actor,
      Integer fleetVersion) {
    Tx.update(
        c,
        "INSERT INTO rollouts (id, kind, target, selector, strategy, reason, requested_by, status,"
            + " fleet_version) VALUES ($1, $2, $3::text::jsonb, $4::text::jsonb, $5::text::jsonb,"
            + " $6, $7, 'RUNNING', $8)",
        id,
        kind,
        target,
        selector,
        strategy,
        reason,
        actor,
        fleetVersion);
  }

  /**
   * The rollout's tenants, each with its wave and current settings as its {@code before} (taken
   * again when the engine changes it). The partial unique index keeps a tenant in one active
   * rollout: a tenant another one holds fails the insert (a race the caller's check lost).
   */
  public static void insertTenants(
      SqlConnection c, UUID rollout, List<UUID> tenants, List<Integer> waves, List<String> before) {
    Tx.update(
        c,
        "INSERT INTO rollout_tenants (rollout_id, tenant_id, wave, before)"
            + " SELECT $1, t, w, b::jsonb FROM unnest($2::uuid[], $3::int[], $4::text[]) AS u(t, w, b)",
        rollout,
        tenants.toArray(UUID[]::new),
        waves.toArray(Integer[]::new),
        before.toArray(String[]::new));
  }

  /**
   * Tenants a bulk operation matched but will not change (frozen, protected from deletion): kept as
   * settled SKIPPED rows with why, not holding the tenant, so its view reports them.
   */
  public static void insertSkipped(
      SqlConnection c, UUID rollout, List<UUID> tenants, List<String> why, List<String> before) {
    Tx.update(
        c,
        "INSERT INTO rollout_tenants (rollout_id, tenant_id, wave, before, state, detail,"
            + " settled_at, active) SELECT $1, t, 0, b::jsonb, 'SKIPPED', d, now(), false"
            + " FROM unnest($2::uuid[], $3::text[], $4::text[]) AS u(t, d, b)",
        rollout,
        tenants.toArray(UUID[]::new),
        why.toArray(String[]::new),
        before.toArray(String[]::new));
  }

  /** The oldest active rollout holding one of {@code tenants}, and the first such tenant's slug. */
  public static Optional<String[]> holder(SqlConnection c, List<UUID> tenants) {
    var rows =
        Tx.rows(
            c,
            "SELECT r.id::text AS id, t.slug FROM rollout_tenants rt JOIN rollouts r"
                + " ON r.id = rt.rollout_id JOIN tenants t ON t.id = rt.tenant_id"
                + " WHERE rt.active AND rt.tenant_id = ANY($1::uuid[])"
                + " ORDER BY r.created_at, t.slug LIMIT 1",
            (Object) tenants.toArray(UUID[]::new));
    return rows.isEmpty()
        ? Optional.empty()
        : Optional.of(new String[] {rows.get(0).getString("id"), rows.get(0).getString("slug")});
  }

  public static RolloutRow find(SqlConnection c, String id, boolean forUpdate) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("rollout " + id);
    }
    var rows =
        Tx.rows(
            c,
            "SELECT "
                + RolloutRow.COLUMNS
                + " FROM rollouts r WHERE r.id = $1"
                + (forUpdate ? " FOR UPDATE" : ""),
            uuid);
    if (rows.isEmpty()) {
      throw ApiException.notFound("rollout " + id);
    }
    return RolloutRow.from(rows.get(0));
  }

  /** A page, newest first, after ({@code createdAt}, {@code id}); {@code status} null for all. */
  public static List<RolloutRow> list(
      SqlConnection c, String status, OffsetDateTime createdAt, UUID afterId, int limit) {
    List<RolloutRow> out = new ArrayList<>();
    Tx.rows(
            c,
            "SELECT "
                + RolloutRow.COLUMNS
                + " FROM rollouts r"
                + " WHERE ($1::text IS NULL OR r.status = $1) AND (r.created_at, r.id) < ($2, $3)"
                + " ORDER BY r.created_at DESC, r.id DESC LIMIT $4",
            status,
            createdAt,
            afterId,
            limit)
        .forEach(r -> out.add(RolloutRow.from(r)));
    return out;
  }

  /** One tenant of a rollout, for its view. */
  public record TenantState(int wave, String slug, String state, String detail) {}

  public static List<TenantState> tenants(SqlConnection c, UUID rollout) {
    List<TenantState> out = new ArrayList<>();
    for (Row r :
        Tx.rows(
            c,
            "SELECT rt.wave, t.slug, rt.state, rt.detail FROM rollout_tenants rt"
                + " JOIN tenants t ON t.id = rt.tenant_id WHERE rt.rollout_id = $1"
                + " ORDER BY rt.wave, t.slug",
            rollout)) {
      out.add(
          new TenantState(
              r.getInteger("wave"),
              r.getString("slug"),
              r.getString("state"),
              r.getString("detail")));
    }
    return out;
  }

  /** Sets the status; a final one also releases the rollout's tenants and skips those pending. */
  public static void setStatus(SqlConnection c, UUID id, String status, String error) {
    setStatus(c, id, status, error, !List.of("RUNNING", "PAUSED", "HALTED").contains(status));
  }

  /**
   * As above; {@code done} ends the rollout in {@code status} even where it is not final for a
   * rollout: a halted bulk operation that undoes nothing stays HALTED for good.
   */
  public static void setStatus(
      SqlConnection c, UUID id, String status, String error, boolean done) {
    Tx.update(
        c,
        "UPDATE rollouts SET status = $2, last_error = coalesce($3, last_error),"
            + " updated_at = now(), heartbeat_at = now(),"
            + " finished_at = CASE WHEN $4 THEN now() END WHERE id = $1",
        id,
        status,
        error,
        done);
    if (done) {
      Tx.update(
          c,
          "UPDATE rollout_tenants SET active = false, state = CASE WHEN state = 'PENDING'"
              + " THEN 'SKIPPED' ELSE state END WHERE rollout_id = $1",
          id);
    }
  }
}
