package dev.slipway.api.tenants;

import dev.slipway.api.http.Cursors;
import dev.slipway.api.http.Page;
import dev.slipway.api.tenants.labels.Labels;
import dev.slipway.common.model.Phase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Lists the tenants table a page at a time, in slug order (GET /v1/tenants), and its statement. */
@ApplicationScoped
public class TenantListing {
  private final Pool pool;

  TenantListing(Pool pool) {
    this.pool = pool;
  }

  /**
   * One page of tenants in slug order, optionally of one phase and plan and carrying {@code labels}
   * (a JSON object, {@link dev.slipway.api.tenants.labels.LabelSelector}); {@code cursor} null for
   * the first page.
   */
  public Uni<Page<TenantRow>> page(
      String cursor, Phase phase, String plan, String labels, int limit) {
    List<String> after =
        cursor == null
            ? List.of("", new UUID(0, 0).toString())
            : Cursors.decode(cursor, 2).orElseThrow(() -> Cursors.badCursor(cursor));
    return list(after.get(0), UUID.fromString(after.get(1)), phase, plan, labels, limit + 1)
        .map(
            rows ->
                Page.of(rows, limit, last -> Cursors.encode(last.slug(), last.id().toString())));
  }

  /**
   * Tenants in slug order (then id: a slug may also name deleted tenants), after the given
   * position, optionally of one phase and one plan. Deleted tenants only when asked for by phase.
   * {@code labels}: a JSON object of labels every tenant listed carries, or null.
   */
  private Uni<List<TenantRow>> list(
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
}
