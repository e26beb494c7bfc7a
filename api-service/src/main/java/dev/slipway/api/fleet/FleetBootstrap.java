package dev.slipway.api.fleet;

import dev.slipway.common.model.ImageVersions;
import dev.slipway.shared.fleet.FleetConfig;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * At startup: writes fleet version 1 from the tag (or digest) of {@code slipway.fleet.image} when
 * {@code fleet_versions} is empty, then gives every tenant without a fleet version version 1, in
 * pages. Safe with several replicas starting at once (an advisory lock around the first insert,
 * SKIP LOCKED pages). A tenant from before migration V13 rendered the configured image, which is
 * version 1's, so assigning it changes nothing in the cluster and bumps no generation.
 */
@ApplicationScoped
class FleetBootstrap {
  private static final Logger LOG = Logger.getLogger(FleetBootstrap.class);
  static final int PAGE = 500;
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private final Pool pool;
  private final FleetVersionRepository versions;
  private final FleetConfig fleet;

  FleetBootstrap(Pool pool, FleetVersionRepository versions, FleetConfig fleet) {
    this.pool = pool;
    this.versions = versions;
    this.fleet = fleet;
  }

  void onStart(@Observes StartupEvent event) {
    run();
  }

  /** Idempotent: a second run writes nothing and assigns only rows written since. */
  void run() {
    String image = ImageVersions.versionOf(fleet.image());
    boolean wrote =
        pool.withTransaction(tx -> versions.lock(tx).flatMap(v -> versions.insertFirst(tx, image)))
            .await()
            .atMost(TIMEOUT);
    if (wrote) {
      LOG.infof("fleet version 1 written: image version %s (slipway.fleet.image)", image);
    }
    long assigned = 0;
    int page;
    do {
      page = versions.assignFirst(pool, PAGE).await().atMost(TIMEOUT);
      assigned += page;
    } while (page == PAGE);
    if (assigned > 0) {
      LOG.infof("%d tenants without a fleet version given version 1", assigned);
    }
  }
}
