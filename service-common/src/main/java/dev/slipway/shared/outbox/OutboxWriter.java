package dev.slipway.shared.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.List;
import java.util.UUID;

/**
 * The one writer of operation and outbox rows. Every command is recorded as an operation (with who
 * asked for it, migration V10) and an outbox row in the same statement (so in the caller's
 * transaction), grouped by tenant, so the relay publishes one tenant's commands in the order they
 * were recorded. Statements that insert more than the operation (the API's create also inserts the
 * tenant and its audit record) embed {@link #operationInsertSelect} and {@link #insertSelect}.
 */
public final class OutboxWriter {
  private OutboxWriter() {}

  /**
   * The operation insert, for a common table expression: {@code "op AS (" +
   * operationInsertSelect(...) + ")"}. {@code values} lists, in this order, the expressions for the
   * operation's id, tenant id, type, generation, requester issuer and requester subject, taken from
   * {@code from}; {@code returning} the columns the statement returns.
   */
  public static String operationInsertSelect(String values, String from, String returning) {
    return "INSERT INTO operations (id, tenant_id, type, generation, requested_by_issuer,"
        + " requested_by_subject) SELECT "
        + values
        + " FROM "
        + from
        + " RETURNING "
        + returning;
  }

  /**
   * The outbox insert, taking its rows from {@code from}, which must have the operation's {@code
   * id} and {@code tenant_id}; {@code body} is the expression for the command body (a parameter or
   * a column of {@code from}). For a common table expression: {@code "cmd AS (" + insertSelect(...)
   * + ")"}.
   */
  public static String insertSelect(String body, String from) {
    return "INSERT INTO outbox (operation_id, group_id, body) SELECT id, tenant_id::text, "
        + body
        + " FROM "
        + from;
  }

  /**
   * Records {@code commands} as QUEUED operations and their outbox rows in one statement, outbox
   * rows in list order, and returns the operations' {@code returning} columns (in no particular
   * order: match them by {@code id}).
   */
  public static Uni<RowSet<Row>> insert(
      SqlClient client, List<NewCommand> commands, String returning) {
    int n = commands.size();
    UUID[] ids = new UUID[n];
    UUID[] tenants = new UUID[n];
    String[] types = new String[n];
    Long[] generations = new Long[n];
    String[] bodies = new String[n];
    String[] issuers = new String[n];
    String[] subjects = new String[n];
    for (int i = 0; i < n; i++) {
      NewCommand c = commands.get(i);
      ids[i] = c.operationId();
      tenants[i] = c.tenantId();
      types[i] = c.type().name();
      generations[i] = c.generation();
      bodies[i] = c.body();
      issuers[i] = c.requestedByIssuer();
      subjects[i] = c.requestedBySubject();
    }
    // The outbox rows come from the input, not from op's RETURNING (whose order is not defined).
    return client
        .preparedQuery(
            "WITH u AS (SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::bigint[],"
                + " $5::text[], $6::text[], $7::text[]) WITH ORDINALITY"
                + " AS u(id, tenant_id, type, generation, body, issuer, subject, i)),"
                + " op AS ("
                + operationInsertSelect(
                    "id, tenant_id, type, generation, issuer, subject", "u ORDER BY i", returning)
                + "), cmd AS ("
                + insertSelect("body", "u ORDER BY i")
                + ") SELECT * FROM op")
        .execute(
            Tuple.from(new Object[] {ids, tenants, types, generations, bodies, issuers, subjects}));
  }
}
