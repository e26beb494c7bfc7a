package dev.slipway.reconciler.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.metrics.MetricNames;
import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.TenantSpec;
import dev.slipway.common.render.RenderSettings;
import dev.slipway.common.render.TenantRenderer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One pass over a real database and the emulator, with a known drift on each side. */
@QuarkusTest
class ReconcilePassQuarkusTest {
  @Inject ReconcilePass pass;
  @Inject Pool pool;
  @Inject KubernetesClient kube;
  @Inject MeterRegistry registry;

  @Test
  void reportsTenantsWithoutDeploymentAndDeploymentsWithoutTenant() {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String inSync = "sync-" + suffix;
    String missing = "missing-" + suffix;
    String orphan = "orphan-" + suffix;
    String deleted = "deleted-" + suffix;
    insertTenant(inSync, DesiredState.RUNNING);
    insertTenant(missing, DesiredState.RUNNING);
    insertTenant(deleted, DesiredState.DELETED);
    createDeployment(inSync);
    createDeployment(orphan);

    DriftReport report = pass.run();

    assertTrue(report.missing().contains(missing), report.toString());
    assertTrue(report.orphans().contains(orphan), report.toString());
    assertTrue(!report.missing().contains(inSync) && !report.orphans().contains(inSync));
    assertTrue(!report.missing().contains(deleted), "deleted tenants are not expected to exist");
    assertEquals(
        report.missing().size(),
        registry
            .get(MetricNames.RECONCILE_DRIFT)
            .tag(MetricNames.TAG_KIND, "missing")
            .gauge()
            .value());
  }

  private void insertTenant(String slug, DesiredState state) {
    pool.preparedQuery(
            "INSERT INTO tenants (id, slug, desired_state, gateway_token, gateway_url)"
                + " VALUES ($1, $2, $3, 't', 'wss://x')")
        .execute(Tuple.of(UUID.randomUUID(), slug, state.name()))
        .await()
        .atMost(Duration.ofSeconds(5));
  }

  private void createDeployment(String slug) {
    var spec = new TenantSpec(UUID.randomUUID(), slug, 1, DesiredState.RUNNING, 1, "token");
    var deployment = TenantRenderer.render(spec, RenderSettings.defaults()).deployment();
    kube.resource(deployment).create();
  }
}
