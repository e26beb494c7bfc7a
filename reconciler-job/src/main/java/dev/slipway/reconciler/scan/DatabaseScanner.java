package dev.slipway.reconciler.scan;

import dev.slipway.common.model.OperationType;
import dev.slipway.shared.tenants.TenantRow;
import dev.slipway.shared.tenants.TenantRows;
import dev.slipway.shared.tokens.SealedValue;
import dev.slipway.shared.tokens.TokenCipher;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Reads the database side of a pass, page by page (keyset on id), so a pass over many tenants never
 * holds one long query or a large result in the driver.
 */
@ApplicationScoped
public class DatabaseScanner {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final UUID FIRST = new UUID(0, 0);
  private final Pool pool;
  private final TokenCipher tokens;

  DatabaseScanner(Pool pool, TokenCipher tokens) {
    this.pool = pool;
    this.tokens = tokens;
  }

  /** The database's clock: a pass's start, in the time the rows' timestamps are written in. */
  public OffsetDateTime now() {
    return pool.query("SELECT now() AS now")
        .execute()
        .await()
        .atMost(TIMEOUT)
        .iterator()
        .next()
        .getOffsetDateTime("now");
  }

  /**
   * Every tenant not deleted; rows that cannot be decoded go to {@code unreadable} (id and the
   * decoder's message, which names the field, never the token), and the ids of those written at or
   * after {@code since} (by the API or the worker) to {@code changed}.
   */
  public List<TenantRow> liveTenants(
      int pageSize,
      OffsetDateTime since,
      Consumer<String> changed,
      BiConsumer<String, String> unreadable) {
    List<TenantRow> tenants = new ArrayList<>();
    pages(
        "SELECT "
            + TenantRows.columns("")
            + ", (updated_at >= $3 OR coalesce(status_updated_at >= $3, false)) AS changed"
            + " FROM tenants WHERE desired_state <> 'DELETED' AND id > $1 ORDER BY id LIMIT $2",
        pageSize,
        since,
        row -> {
          if (row.getBoolean("changed")) {
            changed.accept(row.getUUID("id").toString());
          }
          try {
            tenants.add(TenantRows.from(row, this::token));
          } catch (RuntimeException e) {
            unreadable.accept(row.getUUID("id").toString(), e.toString());
          }
        });
    return tenants;
  }

  /** Operations still QUEUED or RUNNING, of any tenant (deleted ones included). */
  public List<OpenOperation> openOperations(int pageSize) {
    List<OpenOperation> open = new ArrayList<>();
    pages(
        "SELECT o.id, o.tenant_id, t.slug, t.generation, o.type, o.status,"
            + " coalesce(o.started_at, o.queued_at) AS since, x.sent_at FROM operations o"
            + " JOIN tenants t ON t.id = o.tenant_id"
            + " LEFT JOIN outbox x ON x.operation_id = o.id"
            + " WHERE o.status IN ('QUEUED', 'RUNNING') AND o.id > $1 ORDER BY o.id LIMIT $2",
        pageSize,
        row ->
            open.add(
                new OpenOperation(
                    row.getUUID("id"),
                    row.getUUID("tenant_id"),
                    row.getString("slug"),
                    row.getLong("generation"),
                    OperationType.valueOf(row.getString("type")),
                    row.getString("status"),
                    row.getOffsetDateTime("since"),
                    row.getOffsetDateTime("sent_at"))));
    return open;
  }

  /**
   * Which of {@code tenantIds} name a tenant whose row says DELETED: its objects are leftovers the
   * worker must remove, not orphans of an unknown owner.
   */
  public Set<String> deletedAmong(Set<String> tenantIds) {
    Set<String> deleted = new HashSet<>();
    UUID[] ids =
        tenantIds.stream()
            .map(DatabaseScanner::uuid)
            .filter(java.util.Objects::nonNull)
            .toArray(UUID[]::new);
    if (ids.length == 0) {
      return deleted;
    }
    pool.preparedQuery("SELECT id FROM tenants WHERE id = ANY($1) AND desired_state = 'DELETED'")
        .execute(Tuple.of(ids))
        .await()
        .atMost(TIMEOUT)
        .forEach(row -> deleted.add(row.getUUID("id").toString()));
    return deleted;
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return null; // a hand-written label: an orphan of nobody
    }
  }

  private void pages(String sql, int pageSize, Consumer<Row> each) {
    pages(sql, pageSize, null, each);
  }

  /** Keyset pages on id: $1 the last id, $2 the page size, $3 {@code extra} when not null. */
  private void pages(String sql, int pageSize, Object extra, Consumer<Row> each) {
    UUID after = FIRST;
    while (true) {
      Tuple args = extra == null ? Tuple.of(after, pageSize) : Tuple.of(after, pageSize, extra);
      RowSet<Row> rows = pool.preparedQuery(sql).execute(args).await().atMost(TIMEOUT);
      for (Row row : rows) {
        after = row.getUUID("id");
        each.accept(row);
      }
      if (rows.size() < pageSize) {
        return;
      }
    }
  }

  /**
   * The token in clear, to compare the live Secret's by hash: sealed by the API (issue 22), or in
   * clear on a row the API's token-key job has not sealed yet. A token that cannot be opened makes
   * the row unreadable (the message names the KEK, never the token).
   */
  private String token(String stored) {
    return SealedValue.isSealed(stored) ? tokens.open(stored) : stored;
  }
}
