package dev.slipway.api.deadletters;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The database side of dead-letter listings: tenants by slug and why operations failed. */
@ApplicationScoped
public class OpsLookupRepository {
  private final Pool pool;

  OpsLookupRepository(Pool pool) {
    this.pool = pool;
  }

  /** Why an operation failed, as far as it is known. */
  public record Failure(String status, String lastError) {}

  /** Ids of every tenant (live or deleted) that has carried one of these slugs. */
  public Uni<Map<String, List<UUID>>> tenantIdsBySlug(Collection<String> slugs) {
    return pool.preparedQuery("SELECT slug, id FROM tenants WHERE slug = ANY($1)")
        .execute(Tuple.of(slugs.toArray(new String[0])))
        .map(
            rows -> {
              Map<String, List<UUID>> out = new HashMap<>();
              rows.forEach(
                  r ->
                      out.computeIfAbsent(r.getString("slug"), s -> new java.util.ArrayList<>())
                          .add(r.getUUID("id")));
              return out;
            });
  }

  /** Status and last error of the given operations, by id; unknown ids are absent. */
  public Uni<Map<UUID, Failure>> failures(Collection<UUID> operationIds) {
    if (operationIds.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    return pool.preparedQuery(
            "SELECT id, status, last_error FROM operations WHERE id = ANY($1::uuid[])")
        .execute(Tuple.of(operationIds.toArray(new UUID[0])))
        .map(
            rows -> {
              Map<UUID, Failure> out = new HashMap<>();
              rows.forEach(
                  r ->
                      out.put(
                          r.getUUID("id"),
                          new Failure(r.getString("status"), r.getString("last_error"))));
              return out;
            });
  }

  /** What a replay needs to know of a tenant, read under its row lock. */
  public record TenantState(UUID id, String slug, long generation, String desired, String phase) {}

  /**
   * Locks the given tenant rows for the caller's transaction, in id order (so two transactions
   * locking overlapping sets cannot deadlock); tenants that do not exist are absent.
   */
  public Uni<Map<UUID, TenantState>> lockTenants(SqlClient tx, Collection<UUID> ids) {
    return tx.preparedQuery(
            "SELECT id, slug, generation, desired_state, phase FROM tenants"
                + " WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE")
        .execute(Tuple.of(ids.toArray(new UUID[0])))
        .map(OpsLookupRepository::byId);
  }

  /** Current state of the given tenants, by id, without locks (dry runs). */
  public Uni<Map<UUID, TenantState>> tenantStates(Collection<UUID> ids) {
    return pool.preparedQuery(
            "SELECT id, slug, generation, desired_state, phase FROM tenants"
                + " WHERE id = ANY($1::uuid[])")
        .execute(Tuple.of(ids.toArray(new UUID[0])))
        .map(OpsLookupRepository::byId);
  }

  private static Map<UUID, TenantState> byId(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
    Map<UUID, TenantState> out = new HashMap<>();
    rows.forEach(r -> out.put(r.getUUID("id"), state(r)));
    return out;
  }

  private static TenantState state(Row r) {
    return new TenantState(
        r.getUUID("id"),
        r.getString("slug"),
        r.getLong("generation"),
        r.getString("desired_state"),
        r.getString("phase"));
  }
}
