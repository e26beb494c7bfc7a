package dev.slipway.api.tenants.lifecycle;

import dev.slipway.api.config.ApiConfig;
import dev.slipway.api.config.LifecycleConfig;
import dev.slipway.api.http.ApiException;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Purges deleted tenants whose grace period is over: at most {@code purge-batch} per sweep, one
 * transaction each, one after the other, so a mass deletion reaches the worker paced. Each purge
 * queues the hard delete through the outbox with its audit record in one transaction: a crash loses
 * nothing (the next sweep finds what is left), and a tenant purged by another replica in the
 * meantime is skipped (its locked row says PURGED), so sweeps on every replica are safe.
 */
@ApplicationScoped
public class PurgeSweep {
  private static final Logger LOG = Logger.getLogger(PurgeSweep.class);
  private final Pool pool;
  private final LifecycleRepository tenants;
  private final TenantDeletion deletion;
  private final LifecycleConfig config;

  PurgeSweep(Pool pool, LifecycleRepository tenants, TenantDeletion deletion, ApiConfig config) {
    this.pool = pool;
    this.tenants = tenants;
    this.deletion = deletion;
    this.config = config.lifecycle();
  }

  @Scheduled(
      every = "${slipway.api.lifecycle.purge-interval:1m}",
      delayed = "${slipway.api.lifecycle.purge-interval:1m}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> scheduled() {
    return config.purgeEnabled() ? sweep().replaceWithVoid() : Uni.createFrom().voidItem();
  }

  /** One sweep; the number of tenants it purged. */
  public Uni<Integer> sweep() {
    return tenants
        .dueForPurge(config.purgeBatch())
        .onItem()
        .transformToMulti(slugs -> Multi.createFrom().iterable(slugs))
        .onItem()
        .transformToUniAndConcatenate(this::purgeOne)
        .collect()
        .asList()
        .map(done -> (int) done.stream().filter(Boolean::booleanValue).count())
        .invoke(n -> LOG.debugf("purge sweep: %d tenant(s) purged", n));
  }

  private Uni<Boolean> purgeOne(String slug) {
    return pool.withTransaction(tx -> deletion.purgeExpired(tx, slug))
        .map(changed -> true)
        .onFailure(ApiException.class)
        .recoverWithItem(
            e -> {
              LOG.debugf("purge of %s skipped: %s", slug, e.getMessage());
              return false;
            })
        .onFailure()
        .recoverWithItem(
            e -> {
              // The next sweep tries again; one bad row must not stop the others.
              LOG.warnf("purge of %s failed: %s", slug, e.getMessage());
              return false;
            });
  }
}
