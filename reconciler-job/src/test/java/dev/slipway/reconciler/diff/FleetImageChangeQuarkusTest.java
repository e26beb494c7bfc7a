package dev.slipway.reconciler.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.Phase;
import dev.slipway.common.model.TenantSpec;
import dev.slipway.local.kube.KubeEmulatorTestResource;
import dev.slipway.local.postgres.PostgresTestResource;
import dev.slipway.reconciler.Fleet;
import dev.slipway.reconciler.run.PassResult;
import dev.slipway.reconciler.run.ReconcilePass;
import dev.slipway.shared.fleet.FleetConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fleet's image lives in the database (migration V13): with the tag of slipway.fleet.image
 * changed in this service's configuration, a tenant that follows a fleet version keeps its rendered
 * image and shows no drift, while a row from before the fleet bootstrap (no fleet version) still
 * renders the configured image, so the pass sees its Deployment drift: the comparison is real.
 */
@QuarkusTest
@TestProfile(FleetImageChangeQuarkusTest.NewImageTag.class)
class FleetImageChangeQuarkusTest {
  static final String OLD_TAG = "latest";

  /** The configuration after an operator changed the image's tag. */
  public static class NewImageTag implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("slipway.fleet.image", "ghcr.io/slipway/gateway:2.0.0");
    }
  }

  @Inject ReconcilePass pass;

  @Inject
  @ReactiveDataSource(PostgresTestResource.FIXTURES)
  Pool pool;

  @Inject FleetConfig fleetConfig;
  private final KubernetesClient kube = KubeEmulatorTestResource.adminClient();

  @Test
  void changingTheConfiguredTagReRendersNoTenantOnAFleetVersion() {
    Fleet fleet = new Fleet(pool, kube, fleetConfig);
    fleet.execute(
        "INSERT INTO fleet_versions (version, image_version, reason, created_by, promoted_at)"
            + " VALUES (1, '1.0.0', 'bootstrap', 'test', now()) ON CONFLICT DO NOTHING");
    TenantSpec following = Fleet.spec(Fleet.slug("follow"), DesiredState.RUNNING, false);
    fleet.insert(following, Phase.RUNNING);
    fleet.execute(
        "UPDATE tenants SET fleet_version = 1, fleet_image_version = '1.0.0' WHERE id = $1",
        following.id());
    // What the worker applied for it: the fleet version's image, whatever the configured tag.
    converge(fleet, withImage(following, "1.0.0"));

    // A row from before the bootstrap, applied while the configured tag was the old one.
    TenantSpec legacy = Fleet.spec(Fleet.slug("legacy"), DesiredState.RUNNING, false);
    fleet.insert(legacy, Phase.RUNNING);
    converge(fleet, withImage(legacy, OLD_TAG));

    PassResult result = pass.run();
    assertEquals(
        List.of(),
        result.report().of(following.id().toString()).map(TenantDrift::reasons).orElse(List.of()),
        "a tenant on a fleet version renders the same image");
    TenantDrift drift = result.report().of(legacy.id().toString()).orElseThrow();
    assertTrue(drift.reasons().contains("spec:deployment.image"), drift.toString());
    String image =
        kube.apps()
            .deployments()
            .withName(following.slug())
            .get()
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0)
            .getImage();
    assertEquals("ghcr.io/slipway/gateway:1.0.0", image);
  }

  private static void converge(Fleet fleet, TenantSpec applied) {
    fleet.converge(applied);
    fleet.awaitPodsSettled(applied);
  }

  private static TenantSpec withImage(TenantSpec spec, String version) {
    return new TenantSpec(
        spec.id(),
        spec.slug(),
        spec.generation(),
        spec.desiredState(),
        spec.sizing(),
        version,
        spec.gatewayConfig(),
        spec.gatewayToken(),
        spec.namespace());
  }
}
