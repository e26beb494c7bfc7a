package dev.slipway.api.tenants;

import dev.slipway.api.operations.OperationRow;
import dev.slipway.common.model.OperationStatus;
import dev.slipway.common.model.OperationType;
import dev.slipway.common.model.TenantJson;
import dev.slipway.common.model.TenantSpec;
import dev.slipway.shared.outbox.NewCommand;
import dev.slipway.shared.outbox.OutboxWriter;
import dev.slipway.shared.tokens.TokenCipher;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * The create statement: a new tenant row with everything written beside it. Reads and changes of
 * existing rows are in {@link TenantRepository}.
 */
@ApplicationScoped
public class TenantInserts {
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
}
