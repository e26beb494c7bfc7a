package dev.slipway.api.tenants;

import dev.slipway.api.operations.OperationRow;
import dev.slipway.api.tenants.labels.Labels;
import dev.slipway.api.tokens.TokenSealing;
import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.OperationStatus;
import dev.slipway.common.model.OperationType;
import dev.slipway.common.model.Phase;
import dev.slipway.common.model.TenantJson;
import dev.slipway.common.model.TenantSpec;
import dev.slipway.shared.outbox.NewCommand;
import dev.slipway.shared.outbox.OutboxWriter;
import dev.slipway.shared.tokens.TokenCipher;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** Reads and writes the tenants table. */
@ApplicationScoped
public class TenantRepository {
  private final Pool pool;

  TenantRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * Inserts a new tenant together with its CREATE operation, that operation's outbox command and
   * the write's audit record, in one statement: atomic without an explicit transaction, so a create
   * without an Idempotency-Key costs one database round trip instead of four (BEGIN, the inserts,
   * COMMIT). Empty when the slug is taken or a live tenant has one of {@code collidingSlugs}
   * ({@link dev.slipway.common.render.NameCollisions}); then nothing is written. {@code spec}'s
   * gateway token is the sealed one ({@link dev.slipway.api.tokens.TokenSealing}): never written in
   * clear.
   */
  public Uni<Optional<Created>> insertWithCommand(
      SqlClient client, TenantSpec spec, String gatewayUrl, NewCreate create) {
    // INSERT ... SELECT instead of VALUES, to insert nothing when a colliding tenant is live; the
    // casts give PostgreSQL the parameter types VALUES would have taken from the columns.
    return client
        .preparedQuery(
            "WITH t AS (INSERT INTO tenants (id, slug, desired_state, replicas, gateway_token,"
                + " generation, gateway_url, plan, sizing, image_version, gateway_config, namespace,"
                + " deletion_protection, token_key_id, fleet_version, fleet_image_version, labels)"
                + " SELECT $1::uuid, $2::text, $3::text, $4::int, $5::text, $6::bigint, $7::text,"
                + " $8::text, $9::text::jsonb, $10::text, $11::text::jsonb, $12::text, $20::text,"
                + " $21::text, $22::int, $23::text, $24::text::jsonb"
                + " WHERE NOT EXISTS (SELECT 1 FROM tenants WHERE phase <> 'DELETED'"
                + " AND slug = ANY($15::text[]))"
                + " ON CONFLICT (slug) WHERE phase <> 'DELETED' DO NOTHING RETURNING "
                + TenantRow.COLUMNS
                + "), op AS ("
                + OutboxWriter.operationInsertSelect(
                    "$13, id, 'CREATE', generation, $16, $17",
                    "t",
                    "id, tenant_id, status, attempts, queued_at")
                + "), cmd AS ("
                + OutboxWriter.insertSelect("$14", "op")
                + "), aud AS (INSERT INTO ops_audit (actor, issuer, action, target, counts, outcome)"
                + " SELECT $17, $16, $18, slug, jsonb_build_object('generation', generation), $19"
                + " FROM t)"
                + " SELECT t.*, op.status AS op_status, op.attempts AS op_attempts,"
                + " op.queued_at AS op_queued_at FROM t JOIN op ON op.tenant_id = t.id")
        .execute(
            Tuple.from(
                new Object[] {
                  spec.id(),
                  spec.slug(),
                  spec.desiredState().name(),
                  spec.replicas(),
                  spec.gatewayToken(),
                  spec.generation(),
                  gatewayUrl,
                  spec.sizing().plan(),
                  TenantJson.write(spec.sizing()),
                  spec.imageVersion(),
                  TenantJson.write(spec.gatewayConfig()),
                  spec.namespace(),
                  create.command().operationId(),
                  create.command().body(),
                  create.collidingSlugs().toArray(String[]::new),
                  create.command().requestedByIssuer(),
                  create.command().requestedBySubject(),
                  create.auditAction(),
                  create.auditOutcome(),
                  create.deletionProtection(),
                  TokenCipher.keyIdOf(spec.gatewayToken()),
                  create.fleetVersion(),
                  create.fleetImageVersion(),
                  create.labels()
                }))
        .map(rows -> created(rows, create));
  }

  /**
   * What a create writes besides the tenant: its operation and command (with the requester, also
   * the audit record's actor), its audit record, the slugs whose live tenants refuse it, and {@code
   * deletionProtection}: the reason the create asked for, or null; the fleet version it follows and
   * that version's image version (null both before the fleet bootstrap); its labels as JSON.
   */
  public record NewCreate(
      NewCommand command,
      String auditAction,
      String auditOutcome,
      List<String> collidingSlugs,
      String deletionProtection,
      Integer fleetVersion,
      String fleetImageVersion,
      String labels) {}

  /** Which of {@code slugs} live tenants have. */
  public Uni<List<String>> liveSlugsAmong(SqlClient client, List<String> slugs) {
    return client
        .preparedQuery(
            "SELECT slug FROM tenants WHERE phase <> 'DELETED' AND slug = ANY($1::text[])"
                + " ORDER BY slug")
        .execute(Tuple.of(slugs.toArray(String[]::new)))
        .map(
            rows -> {
              List<String> out = new ArrayList<>();
              rows.forEach(r -> out.add(r.getString("slug")));
              return out;
            });
  }

  /** A tenant just inserted and its CREATE operation. */
  public record Created(TenantRow tenant, OperationRow operation) {}

  private static Optional<Created> created(
      RowSet<io.vertx.mutiny.sqlclient.Row> rows, NewCreate create) {
    var it = rows.iterator();
    if (!it.hasNext()) {
      return Optional.empty();
    }
    var row = it.next();
    TenantRow tenant = TenantRow.from(row);
    OperationRow operation =
        new OperationRow(
            create.command().operationId(),
            tenant.id(),
            OperationType.CREATE,
            OperationStatus.valueOf(row.getString("op_status")),
            tenant.generation(),
            row.getInteger("op_attempts"),
            null,
            row.getOffsetDateTime("op_queued_at"),
            null,
            null,
            create.command().requestedByIssuer(),
            create.command().requestedBySubject());
    return Optional.of(new Created(tenant, operation));
  }

  /**
   * Tenants whose objects exist or are still being removed (not DELETED), per namespace; a
   * namespace without any is absent. In the caller's transaction, so a create waiting for it never
   * needs a second connection.
   */
  public Uni<Map<String, Long>> liveCountsByNamespace(SqlClient tx) {
    return tx.query(
            "SELECT namespace, count(*) AS live FROM tenants WHERE phase <> 'DELETED'"
                + " GROUP BY namespace")
        .execute()
        .map(
            rows -> {
              Map<String, Long> counts = new HashMap<>();
              rows.forEach(r -> counts.put(r.getString("namespace"), r.getLong("live")));
              return counts;
            });
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

  /**
   * One page of tenants in slug order (then id: a slug may also name deleted tenants), after the
   * given position, optionally of one phase and one plan. Deleted tenants only when asked for by
   * phase. {@code labels}: a JSON object of labels every tenant listed carries, or null.
   */
  public Uni<List<TenantRow>> list(
      String afterSlug, UUID afterId, Phase phase, String plan, String labels, int limit) {
    String sql = listSql(phase, plan, labels);
    return pool.preparedQuery(sql)
        .execute(Tuple.from(listArgs(afterSlug, afterId, phase, plan, labels, limit)))
        .map(
            rows -> {
              List<TenantRow> out = new ArrayList<>();
              rows.forEach(r -> out.add(TenantRow.from(r)));
              return out;
            });
  }

  /**
   * The statement {@link #list} runs for these filters (public for the scale benchmark's plans),
   * with {@link #listArgs}: $1, $2 the position, $3 the limit, $4 the phase, $5 the plan, $6 the
   * labels (JSON); for a listing by label alone $6 and $7 are the first label's key and value and
   * $8 the other labels (JSON, null when none).
   */
  public static String listSql(Phase phase, String plan, String labels) {
    // $4 and $5 are always bound; a null filter matches everything.
    String filters =
        " AND CASE WHEN $4::text IS NULL THEN phase <> 'DELETED' ELSE phase = $4 END"
            + " AND ($5::text IS NULL OR plan = $5)";
    if (!byLabelAlone(phase, plan, labels)) {
      // A phase or plan index gives the order; labels are checked on the row (containment).
      return "SELECT "
          + TenantRow.COLUMNS
          + " FROM tenants WHERE (slug, id) > ($1, $2)"
          + filters
          + " AND ($6::text IS NULL OR labels @> $6::text::jsonb) ORDER BY slug, id LIMIT $3";
    }
    // A keyset range inside the first label in tenant_labels (migration V20), in the listing's
    // order. The first label is not checked again on the row: the planner, taking the two for
    // independent conditions, expected a page to come out short and sorted every match instead.
    return "SELECT "
        + TenantRow.COLUMNS
        + " FROM tenant_labels l JOIN tenants t ON t.id = l.tenant_id"
        + " WHERE l.label_key = $6 AND l.label_value = $7 AND (l.tenant_slug, l.tenant_id) > ($1, $2)"
        + filters
        + " AND ($8::text IS NULL OR t.labels @> $8::text::jsonb)"
        + " ORDER BY l.tenant_slug, l.tenant_id LIMIT $3";
  }

  /** Whether the listing reads tenant_labels: labels asked for, and neither a phase nor a plan. */
  private static boolean byLabelAlone(Phase phase, String plan, String labels) {
    return labels != null && phase == null && plan == null;
  }

  /** The parameters of {@link #listSql} for the same filters. */
  public static Object[] listArgs(
      String afterSlug, UUID afterId, Phase phase, String plan, String labels, int limit) {
    String phaseName = phase == null ? null : phase.name();
    if (!byLabelAlone(phase, plan, labels)) {
      return new Object[] {afterSlug, afterId, limit, phaseName, plan, labels};
    }
    TreeMap<String, String> wanted = new TreeMap<>(Labels.read(labels));
    Map.Entry<String, String> first = wanted.pollFirstEntry();
    String rest = wanted.isEmpty() ? null : Labels.write(wanted);
    return new Object[] {
      afterSlug, afterId, limit, phaseName, plan, first.getKey(), first.getValue(), rest
    };
  }

  private static Optional<TenantRow> first(RowSet<io.vertx.mutiny.sqlclient.Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(TenantRow.from(it.next())) : Optional.empty();
  }
}
