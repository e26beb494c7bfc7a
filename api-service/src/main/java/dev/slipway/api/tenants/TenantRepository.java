package dev.slipway.api.tenants;

import dev.slipway.api.tokens.TokenSealing;
import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.TenantJson;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads and writes single rows of the tenants table. A new tenant is inserted by {@link
 * TenantInserts}, pages of tenants are read by {@link TenantListing}, and what the live tenants
 * hold as a whole by {@link LiveTenants}.
 */
@ApplicationScoped
public class TenantRepository {
  private final Pool pool;

  TenantRepository(Pool pool) {
    this.pool = pool;
  }

  /** Records new settings (plan, image, gateway limits) and bumps the generation. */
  public Uni<TenantRow> changeSettings(SqlClient tx, UUID id, TenantSettings settings) {
    return tx.preparedQuery(
            "UPDATE tenants SET plan = $2, sizing = $3::text::jsonb, replicas = $4, image_version = $5,"
                + " gateway_config = $6::text::jsonb, generation = generation + 1, updated_at = now()"
                + " WHERE id = $1 RETURNING "
                + TenantRow.COLUMNS)
        .execute(
            Tuple.from(
                new Object[] {
                  id,
                  settings.plan(),
                  TenantJson.write(settings.sizing()),
                  settings.sizing().startedReplicas(),
                  settings.imageVersion(),
                  TenantJson.write(settings.gatewayConfig())
                }))
        .map(rows -> TenantRow.from(rows.iterator().next()));
  }

  /** Sets ({@code reason} not null) or clears deletion protection; the generation stays. */
  public Uni<TenantRow> protect(SqlClient tx, UUID id, String reason) {
    return tx.preparedQuery(
            "UPDATE tenants SET deletion_protection = $2, updated_at = now() WHERE id = $1"
                + " RETURNING "
                + TenantRow.COLUMNS)
        .execute(Tuple.of(id, reason))
        .map(rows -> TenantRow.from(rows.iterator().next()));
  }

  /** Replaces the labels (JSON object); not desired state, so the generation stays. */
  public Uni<TenantRow> relabel(SqlClient tx, UUID id, String labels) {
    return tx.preparedQuery(
            "UPDATE tenants SET labels = $2::text::jsonb, updated_at = now() WHERE id = $1"
                + " RETURNING "
                + TenantRow.COLUMNS)
        .execute(Tuple.of(id, labels))
        .map(rows -> TenantRow.from(rows.iterator().next()));
  }

  /** Freezes ({@code reason} not null, by {@code by}) or unfreezes; the generation stays. */
  public Uni<TenantRow> freeze(SqlClient tx, UUID id, String reason, String by) {
    return tx.preparedQuery(
            "UPDATE tenants SET frozen_reason = $2, frozen_by = $3,"
                + " frozen_at = CASE WHEN $2::text IS NULL THEN NULL ELSE now() END,"
                + " updated_at = now() WHERE id = $1 RETURNING "
                + TenantRow.COLUMNS)
        .execute(Tuple.of(id, reason, reason == null ? null : by))
        .map(rows -> TenantRow.from(rows.iterator().next()));
  }

  /** A slug may name one live tenant and any number of deleted ones: the live one comes first. */
  private static final String BY_SLUG =
      "SELECT "
          + TenantRow.COLUMNS
          + " FROM tenants WHERE slug = $1"
          + " ORDER BY (phase = 'DELETED'), created_at DESC LIMIT 1";

  /** The tenant a slug names: the live one, else the most recently deleted one (kept for audit). */
  public Uni<Optional<TenantRow>> findBySlug(String slug) {
    return pool.preparedQuery(BY_SLUG).execute(Tuple.of(slug)).map(TenantRepository::first);
  }

  /** As {@link #findBySlug}, locking the row for the rest of the transaction. */
  public Uni<Optional<TenantRow>> findBySlugForUpdate(SqlClient tx, String slug) {
    return tx.preparedQuery(BY_SLUG + " FOR UPDATE")
        .execute(Tuple.of(slug))
        .map(TenantRepository::first);
  }

  /**
   * Records a new desired state: bumps the generation and, when {@code newToken} is not null,
   * replaces the gateway token with that sealed one.
   */
  public Uni<TenantRow> changeDesired(
      SqlClient tx, UUID id, DesiredState desired, TokenSealing.Sealed newToken) {
    return tx.preparedQuery(
            "UPDATE tenants SET desired_state = $2, gateway_token = coalesce($3, gateway_token),"
                + " token_key_id = CASE WHEN $3::text IS NULL THEN token_key_id ELSE $4 END,"
                + " generation = generation + 1, updated_at = now() WHERE id = $1 RETURNING "
                + TenantRow.COLUMNS)
        .execute(
            Tuple.of(
                id,
                desired.name(),
                newToken == null ? null : newToken.text(),
                newToken == null ? null : newToken.keyId()))
        .map(rows -> TenantRow.from(rows.iterator().next()));
  }

  private static Optional<TenantRow> first(RowSet<io.vertx.mutiny.sqlclient.Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(TenantRow.from(it.next())) : Optional.empty();
  }
}
