package dev.slipway.api.tenants;

import dev.slipway.api.config.ApiConfig;
import dev.slipway.common.model.Namespaces;
import dev.slipway.shared.fleet.FleetConfig;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Chooses the namespace of a new tenant from {@code slipway.fleet.namespaces} (namespace sharding,
 * issue 10): the one with the fewest live tenants.
 *
 * <p>Least-filled rather than a hash of the tenant id: the namespace is recorded on the tenant's
 * row and never recomputed, so a hash would buy no stability, while least-filled sends new tenants
 * to a newly added namespace until it has caught up, which is the point of adding one; a hash would
 * keep growing the full ones at the same pace. The counts come from one grouped count, reused for
 * {@code namespace-counts-refresh} and kept current meanwhile with this process's own placements,
 * so a create does not scan the tenants table; several API replicas may place a few tenants each on
 * the same namespace between reads, which the next read evens out. With one namespace nothing is
 * counted at all.
 *
 * <p>Only the first create waits for a count. Later, a create that finds the counts expired starts
 * one read in the background (shared: {@link SingleFlight}) and is placed by the counts it has. The
 * grouped count scans every live tenant: run by each create that found the counts expired, it
 * stalled every create for up to seconds at a few hundred thousand tenants (issue 8, P1).
 */
@ApplicationScoped
@Startup // a bad namespace list fails the start, not the first create
public class NamespacePlacement {
  private static final Logger LOG = Logger.getLogger(NamespacePlacement.class);
  private final Function<SqlClient, Uni<Map<String, Long>>> liveCounts;
  private final List<String> namespaces;
  private final Duration refresh;
  private final NamespaceCounts counts;
  private final SingleFlight<Map<String, Long>> reads = new SingleFlight<>();
  private final Pool pool;
  private final Clock clock = Clock.systemUTC();

  @Inject
  NamespacePlacement(LiveTenants liveTenants, Pool pool, ApiConfig config, FleetConfig fleet) {
    this(
        liveTenants::liveCountsByNamespace,
        pool,
        fleet.openNamespaces(),
        config.namespaceCountsRefresh());
  }

  NamespacePlacement(
      Function<SqlClient, Uni<Map<String, Long>>> liveCounts,
      Pool pool,
      List<String> namespaces,
      Duration refresh) {
    this.liveCounts = liveCounts;
    this.pool = pool;
    this.namespaces = Namespaces.checked(FleetConfig.NAMESPACES_KEY, namespaces);
    this.refresh = refresh;
    this.counts = new NamespaceCounts(this.namespaces);
  }

  /** The namespace for a tenant about to be inserted in {@code tx}. */
  public Uni<String> choose(SqlClient tx) {
    if (namespaces.size() == 1) {
      return Uni.createFrom().item(namespaces.get(0));
    }
    if (!counts.everRead()) {
      // In the caller's transaction: creates waiting for it never need a second connection.
      return reads.get(() -> count(tx)).map(counted -> counts.takeLeastFilled());
    }
    if (counts.stale(clock.instant(), refresh)) {
      reads
          .get(() -> count(pool))
          .subscribe()
          .with(
              counted -> {},
              failure ->
                  LOG.warnf(
                      "counting tenants per namespace failed, placing by the last count: %s",
                      failure.toString()));
    }
    return Uni.createFrom().item(counts::takeLeastFilled);
  }

  private Uni<Map<String, Long>> count(SqlClient client) {
    return liveCounts.apply(client).invoke(counted -> counts.replace(counted, clock.instant()));
  }
}
