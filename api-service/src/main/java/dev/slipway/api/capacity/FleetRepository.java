package dev.slipway.api.capacity;

import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.Phase;
import dev.slipway.common.model.TenantJson;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The fleet summarised in one GROUP BY: tenants share a handful of sizings (one per plan version),
 * so the result has a few rows whatever the fleet size.
 */
@ApplicationScoped
public class FleetRepository {
  private final Pool pool;

  FleetRepository(Pool pool) {
    this.pool = pool;
  }

  /** The summary's statement (public for the scale benchmark's plans). */
  public static final String SUMMARY =
      "SELECT plan, phase, desired_state, sizing::text AS sizing, count(*) AS n"
          + " FROM tenants WHERE phase <> 'DELETED'"
          + " GROUP BY plan, phase, desired_state, sizing";

  /** Live tenants (not DELETED) grouped by plan, phase, desired state and sizing. */
  public Uni<List<FleetGroup>> summary() {
    return pool.query(SUMMARY)
        .execute()
        .map(
            rows -> {
              List<FleetGroup> groups = new ArrayList<>();
              rows.forEach(
                  r ->
                      groups.add(
                          new FleetGroup(
                              r.getString("plan"),
                              Phase.valueOf(r.getString("phase")),
                              DesiredState.valueOf(r.getString("desired_state")),
                              TenantJson.sizing(r.getString("sizing")),
                              r.getLong("n"))));
              return groups;
            });
  }
}
