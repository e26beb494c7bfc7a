package dev.slipway.api.service;

import dev.slipway.api.config.ApiConfig;
import dev.slipway.api.repository.TenantRepository;
import dev.slipway.common.model.Namespaces;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Chooses the namespace of a new tenant from {@code slipway.api.tenant-namespaces} (namespace
 * sharding, issue 10): the one with the fewest live tenants.
 *
 * <p>Least-filled rather than a hash of the tenant id: the namespace is recorded on the tenant's
 * row and never recomputed, so a hash would buy no stability, while least-filled sends new tenants
 * to a newly added namespace until it has caught up, which is the point of adding one; a hash would
 * keep growing the full ones at the same pace. The counts come from one grouped count, reused for
 * {@code namespace-counts-refresh} and kept current meanwhile with this process's own placements,
 * so a create does not scan the tenants table; several API replicas may place a few tenants each on
 * the same namespace between reads, which the next read evens out. With one namespace nothing is
 * counted at all.
 */
@ApplicationScoped
@Startup // a bad namespace list fails the start, not the first create
public class NamespacePlacement {
  private final TenantRepository tenants;
  private final List<String> namespaces;
  private final Duration refresh;
  private final NamespaceCounts counts;
  private final Clock clock = Clock.systemUTC();

  NamespacePlacement(TenantRepository tenants, ApiConfig config) {
    this.tenants = tenants;
    this.namespaces =
        Namespaces.checked("slipway.api.tenant-namespaces", config.tenantNamespaces());
    this.refresh = config.namespaceCountsRefresh();
    this.counts = new NamespaceCounts(namespaces);
  }

  /** The namespace for a tenant about to be inserted in {@code tx}. */
  public Uni<String> choose(SqlClient tx) {
    if (namespaces.size() == 1) {
      return Uni.createFrom().item(namespaces.get(0));
    }
    if (!counts.stale(clock.instant(), refresh)) {
      return Uni.createFrom().item(counts::takeLeastFilled);
    }
    return tenants
        .liveCountsByNamespace(tx)
        .map(
            counted -> {
              counts.replace(counted, clock.instant());
              return counts.takeLeastFilled();
            });
  }
}
