package dev.slipway.api.rollouts;

import dev.slipway.api.http.ApiException;
import dev.slipway.api.rollouts.planning.RolloutSelector;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The tenants a selector matches, in slug order (the canary is the first of them): live tenants
 * (not deleted, not offline) matching every criterion given, pinned and frozen ones left out, plus
 * every tenant named in slugs (a named slug that is no live tenant is a 422). A bulk operation's
 * criteria match pinned and frozen tenants too: a pin is about images, and the bulk operation
 * reports frozen ones as skipped ({@link BulkService}).
 */
@ApplicationScoped
public class TenantSelection {

  public List<Candidate> select(SqlConnection c, RolloutSelector s) {
    return select(c, s, false);
  }

  public List<Candidate> select(SqlConnection c, RolloutSelector s, boolean bulk) {
    String[] slugs = s.slugs().toArray(String[]::new);
    List<Candidate> out = new ArrayList<>();
    Tx.rows(
            c,
            "SELECT "
                + Candidate.COLUMNS
                + " FROM tenants t WHERE t.phase <> 'DELETED' AND t.deleted_at IS NULL"
                + " AND t.desired_state IN ('RUNNING', 'STOPPED')"
                + " AND (($1 AND (cardinality($2::text[]) = 0 OR t.plan = ANY($2))"
                + " AND (cardinality($3::text[]) = 0 OR t.namespace = ANY($3))"
                + " AND t.labels @> $4::text::jsonb"
                + " AND ($6 OR (t.image_version IS NULL AND t.frozen_at IS NULL)))"
                + " OR t.slug = ANY($5::text[]))"
                + " ORDER BY t.slug",
            s.hasCriteria(),
            s.plans().toArray(String[]::new),
            s.namespaces().toArray(String[]::new),
            new JsonObject(new java.util.HashMap<>(s.labels())).encode(),
            slugs,
            bulk)
        .forEach(r -> out.add(Candidate.from(r)));
    Set<String> found = new HashSet<>();
    out.forEach(t -> found.add(t.slug()));
    for (String slug : slugs) {
      if (!found.contains(slug)) {
        throw ApiException.invalidField(
            "selector.slugs", "'" + slug + "' is no live tenant (unknown, deleted or offline)");
      }
    }
    if (out.isEmpty()) {
      throw ApiException.invalidField("selector", "the selector matches no tenant");
    }
    return out;
  }
}
