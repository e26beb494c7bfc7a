package dev.slipway.api.tenants.lifecycle;

import dev.slipway.api.auth.Requester;
import dev.slipway.api.config.ApiConfig;
import dev.slipway.api.http.ApiException;
import dev.slipway.api.tenants.LifecycleRules;
import dev.slipway.api.tenants.SlugCollisions;
import dev.slipway.api.tenants.TenantChanged;
import dev.slipway.api.tenants.TenantRow;
import dev.slipway.common.metrics.MetricNames;
import dev.slipway.common.model.OperationType;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * Soft delete, restore and purge. DELETE takes a tenant OFFLINE (scaled to zero, no Ingress) and
 * keeps everything else: row, id, token, plan, Secret, slug. Restore brings it back as it was.
 * Purge, after the grace period ({@link PurgeSweep}) or at once on request, queues the hard delete
 * that the worker has always done; the slug is free again once the objects are gone.
 */
// Created at startup, so the purge counters exist (at 0) from the first scrape.
@Startup
@ApplicationScoped
public class TenantDeletion {
  private static final Logger LOG = Logger.getLogger(TenantDeletion.class);

  /** Audit actor of purges nobody asked for: the grace period ran out. */
  static final String SWEEP_ACTOR = "system:purge-sweep";

  private final LifecycleWrites writes;
  private final LifecycleRepository tenants;
  private final SlugCollisions collisions;
  private final Duration grace;
  private final MeterRegistry registry;

  TenantDeletion(
      LifecycleWrites writes,
      LifecycleRepository tenants,
      SlugCollisions collisions,
      ApiConfig config,
      MeterRegistry registry) {
    this.writes = writes;
    this.tenants = tenants;
    this.collisions = collisions;
    this.grace = config.lifecycle().gracePeriod();
    this.registry = registry;
    // Both series exist from the first scrape (dashboards, DashboardMetricsQuarkusTest).
    purges("sweep");
    purges("manual");
  }

  private io.micrometer.core.instrument.Counter purges(String trigger) {
    return registry.counter(MetricNames.TENANT_PURGES, MetricNames.TAG_TRIGGER, trigger);
  }

  public Uni<TenantChanged> delete(
      SqlClient tx,
      String slug,
      OptionalLong ifMatch,
      UnaryOperator<TenantRow> visible,
      Requester by) {
    return writes.apply(
        tx,
        slug,
        ifMatch,
        visible,
        new LifecycleWrites.Change(
            LifecycleRules::requireDeletable,
            row -> tenants.softDelete(tx, row.id(), grace),
            OperationType.SOFT_DELETE,
            "tenant.delete",
            by,
            null));
  }

  public Uni<TenantChanged> restore(
      SqlClient tx,
      String slug,
      OptionalLong ifMatch,
      UnaryOperator<TenantRow> visible,
      Requester by) {
    return writes.apply(
        tx,
        slug,
        ifMatch,
        visible,
        new LifecycleWrites.Change(
            LifecycleRules::requireRestorable,
            // Its objects come back: none may share a name with a live tenant's, as for a create.
            row ->
                collisions.requireNone(tx, row.slug()).chain(() -> tenants.restore(tx, row.id())),
            OperationType.RESTORE,
            "tenant.restore",
            by,
            null));
  }

  /** An admin's immediate purge: {@code confirm} must repeat the slug. */
  public Uni<TenantChanged> purge(
      SqlClient tx,
      String slug,
      String confirm,
      OptionalLong ifMatch,
      UnaryOperator<TenantRow> visible,
      Requester by) {
    if (!slug.equals(confirm)) {
      throw ApiException.invalidField(
          "confirm", "must repeat the tenant's slug ('" + slug + "') to purge it for good");
    }
    return purge(tx, slug, ifMatch, visible, by, null, "manual");
  }

  /**
   * The sweep's purge of one tenant past its grace period, checked again on the locked row: one
   * restored or purged since the sweep read it is left alone (409, which the sweep skips).
   */
  Uni<TenantChanged> purgeExpired(SqlClient tx, String slug) {
    UnaryOperator<TenantRow> due =
        row -> {
          if (row.softDeleted() && row.lifecycle().purgeAfter().toInstant().isAfter(now())) {
            throw ApiException.conflict("the tenant's grace period has not ended");
          }
          return row;
        };
    return purge(
        tx,
        slug,
        OptionalLong.empty(),
        due,
        Requester.subject(SWEEP_ACTOR),
        "grace period of " + grace + " ended",
        "sweep");
  }

  private Uni<TenantChanged> purge(
      SqlClient tx,
      String slug,
      OptionalLong ifMatch,
      UnaryOperator<TenantRow> visible,
      Requester by,
      String reason,
      String trigger) {
    return writes
        .apply(
            tx,
            slug,
            ifMatch,
            visible,
            new LifecycleWrites.Change(
                LifecycleRules::requirePurgeable,
                row -> tenants.purge(tx, row.id()),
                OperationType.DELETE,
                "tenant.purge",
                by,
                reason))
        .invoke(
            changed -> {
              registry
                  .counter(MetricNames.TENANT_PURGES, MetricNames.TAG_TRIGGER, trigger)
                  .increment();
              LOG.infof("tenant %s purge queued (%s) by %s", slug, trigger, by.subject());
            });
  }

  private static java.time.Instant now() {
    return java.time.Instant.now();
  }
}
