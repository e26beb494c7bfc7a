package dev.slipway.worker.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.model.Autoscaling;
import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.Resources;
import dev.slipway.common.model.Sizing;
import dev.slipway.common.model.TenantSpec;
import dev.slipway.common.render.GatewayDefaults;
import dev.slipway.common.render.TenantRenderer;
import dev.slipway.local.kube.KubeEmulator;
import dev.slipway.local.kube.KubeEmulatorTestResource;
import dev.slipway.local.kube.RequestTally;
import dev.slipway.shared.fleet.FleetConfig;
import dev.slipway.worker.TestTenants;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The apply results and the requests behind them, counted by the emulator: no object is ever read
 * first. CREATED comes from the API server's 201, UNCHANGED from the resourceVersion this worker
 * remembers ({@link LastApplied}); an autoscaler is removed by a delete selected by the tenant's
 * label, and not at all when the worker knows the recorded generation had none.
 */
@QuarkusTest
class TenantApplierQuarkusTest {
  private static final List<String> FOUR = List.of("Secret", "Deployment", "Service", "Ingress");
  @Inject TenantApplier applier;
  @Inject LastApplied lastApplied;
  @Inject FleetConfig fleet;
  private final KubernetesClient admin = KubeEmulatorTestResource.adminClient();
  KubeEmulator emulator;
  String slug;
  TenantSpec tenant;

  @BeforeEach
  void setUp() {
    emulator = KubeEmulatorTestResource.emulator();
    slug = TestTenants.uniqueSlug("applier");
    tenant = new TenantSpec(UUID.randomUUID(), slug, 1, DesiredState.RUNNING, 1, "token-" + slug);
  }

  @AfterEach
  void clearFaults() {
    emulator.faults().clear();
  }

  @Test
  void firstApplyCreatesEveryObjectWithoutReadingIt() {
    try (RequestTally gets = objectRequests("GET");
        RequestTally patches = objectRequests("PATCH");
        RequestTally all = emulator.tally("*", "/" + slug + "(\\?|$)")) {
      List<Applied> results = applier.converge(tenant, 0, false);
      assertEquals(List.of(ApplyResult.CREATED), distinctResults(results));
      assertEquals(FOUR, kinds(results));
      assertEquals(0, gets.count(), "no read before the applies");
      assertEquals(4, patches.count());
      assertEquals(4, all.count(), "nothing but the applies");
      results.forEach(a -> assertEquals(slug, a.live().getMetadata().getName()));
    }
  }

  @Test
  void reappliesAreExactWithoutARead() {
    applier.converge(tenant, 0, false);
    try (RequestTally gets = objectRequests("GET");
        RequestTally patches = objectRequests("PATCH")) {
      // Redelivered before the apply was recorded, and again once recorded: the remembered
      // resourceVersions make the result exact without a read.
      assertEquals(
          List.of(ApplyResult.UNCHANGED), distinctResults(applier.converge(tenant, 0, false)));
      assertEquals(
          List.of(ApplyResult.UNCHANGED), distinctResults(applier.converge(tenant, 1, false)));
      assertEquals(0, gets.count());
      assertEquals(8, patches.count());
    }
    TenantSpec scaled =
        new TenantSpec(tenant.id(), slug, 1, DesiredState.RUNNING, 2, tenant.gatewayToken());
    assertEquals(
        List.of(
            ApplyResult.UNCHANGED,
            ApplyResult.PATCHED,
            ApplyResult.UNCHANGED,
            ApplyResult.UNCHANGED),
        resultsOf(applier.converge(scaled, 1, false)));

    // Another worker, or this one after a restart, does not know them: PATCHED, never missed.
    lastApplied.forget(tenant.id());
    assertEquals(List.of(ApplyResult.PATCHED), distinctResults(applier.converge(scaled, 1, false)));
  }

  @Test
  void anAutoscalerIsRemovedByTheTenantsLabelAndOnlyCheckedWhenItMayBeThere() {
    TenantSpec autoscaled = autoscaled(tenant, 1);
    assertEquals(5, kinds(applier.converge(autoscaled, 0, false)).size());
    assertNotNull(autoscaler());

    TenantSpec stopped = stopped(autoscaled, 2);
    try (RequestTally removals = autoscalerRemovals()) {
      List<Applied> results = applier.converge(stopped, 1, false);
      assertEquals(ApplyResult.DELETED, results.get(0).result(), "generation 1 had one");
      assertEquals(1, removals.count(), "one label-selected delete, no read before it");
    }
    assertNull(autoscaler());

    // Generation 2, recorded and remembered without an autoscaler: nothing to check.
    TenantSpec again = stopped(autoscaled, 3);
    try (RequestTally removals = autoscalerRemovals()) {
      assertEquals(FOUR, kinds(applier.converge(again, 2, false)));
      assertEquals(0, removals.count());
      // A reconciler's repair trusts no memory: the cluster differs from what Slipway left.
      applier.converge(again, 3, true);
      assertEquals(1, removals.count());
      // Nor is a generation recorded by another worker trusted.
      applier.converge(again, 2, false);
      assertEquals(2, removals.count());
    }
  }

  @Test
  void aForeignAutoscalerWithTheTenantsNameIsNeverRemoved() {
    applier.converge(tenant, 0, false);
    HorizontalPodAutoscaler foreign =
        TenantRenderer.render(autoscaled(tenant, 1), fleet.renderSettings())
            .autoscaler()
            .orElseThrow();
    foreign
        .getMetadata()
        .getLabels()
        .put(GatewayDefaults.LABEL_TENANT_ID, UUID.randomUUID().toString());
    admin.resource(foreign).create();
    lastApplied.forget(tenant.id());

    List<Applied> results = applier.converge(stopped(tenant, 2), 1, false);
    assertEquals(ApplyResult.ABSENT, results.get(0).result());
    assertNotNull(autoscaler(), "another tenant's autoscaler of the same name is kept");
  }

  @Test
  void aDeleteIsOneLabelSelectedRequestPerKindAndLeavesAnotherTenantsObjectsAlone() {
    applier.converge(tenant, 0, false);
    // The late delete of an earlier tenant that had the same slug: its id matches nothing here.
    TenantSpec earlier =
        new TenantSpec(UUID.randomUUID(), slug, 2, DesiredState.DELETED, 1, "old-" + slug);
    try (RequestTally all = emulator.tally("*", "/" + slug + "(\\?|$)");
        RequestTally deletes = emulator.tally("DELETE", "labelSelector=.*" + earlier.id())) {
      List<Applied> untouched = applier.converge(earlier, 1, false);
      assertEquals(
          List.of(ApplyResult.ABSENT), untouched.stream().map(Applied::result).distinct().toList());
      assertEquals(0, all.count(), "no request names an object");
      assertEquals(5, deletes.count(), "one per kind, the autoscaler's included");
    }
    assertNotNull(admin.secrets().inNamespace(namespace()).withName(slug).get());
    assertNotNull(admin.apps().deployments().inNamespace(namespace()).withName(slug).get());

    TenantSpec deleted =
        new TenantSpec(tenant.id(), slug, 2, DesiredState.DELETED, 1, tenant.gatewayToken());
    List<Applied> results = applier.converge(deleted, 1, false);
    assertEquals(
        List.of(
            ApplyResult.ABSENT,
            ApplyResult.DELETED,
            ApplyResult.DELETED,
            ApplyResult.DELETED,
            ApplyResult.DELETED),
        results.stream().map(Applied::result).toList(),
        "no autoscaler; the Ingress, Service, Deployment and Secret");
    assertNull(admin.secrets().inNamespace(namespace()).withName(slug).get());
    assertNull(admin.apps().deployments().inNamespace(namespace()).withName(slug).get());
  }

  @Test
  void errorsOfTheApplyKeepTheirCodeAndStatus() {
    emulator.faults().failNext("PATCH", "/secrets/" + slug, 422, 1);
    KubernetesClientException rejected =
        assertThrows(KubernetesClientException.class, () -> applier.converge(tenant, 0, false));
    assertEquals(422, rejected.getCode());
    assertEquals(422, rejected.getStatus().getCode());
    assertTrue(rejected.getStatus().getMessage().contains("injected fault"), rejected.getMessage());

    emulator.faults().failNext("PATCH", "/deployments/" + slug, 409, 1);
    KubernetesClientException conflict =
        assertThrows(KubernetesClientException.class, () -> applier.converge(tenant, 0, false));
    assertEquals(409, conflict.getCode());
    assertEquals("Conflict", conflict.getStatus().getReason());
  }

  private HorizontalPodAutoscaler autoscaler() {
    return admin
        .autoscaling()
        .v2()
        .horizontalPodAutoscalers()
        .inNamespace(namespace())
        .withName(slug)
        .get();
  }

  private String namespace() {
    return fleet.renderSettings().namespaceOf(tenant);
  }

  private static TenantSpec autoscaled(TenantSpec t, long generation) {
    Sizing sizing = new Sizing("medium", 1, Resources.seedDefault(), new Autoscaling(1, 3, 70));
    return new TenantSpec(
        t.id(),
        t.slug(),
        generation,
        DesiredState.RUNNING,
        sizing,
        t.imageVersion(),
        t.gatewayConfig(),
        t.gatewayToken());
  }

  private static TenantSpec stopped(TenantSpec t, long generation) {
    return new TenantSpec(
        t.id(),
        t.slug(),
        generation,
        DesiredState.STOPPED,
        t.sizing(),
        t.imageVersion(),
        t.gatewayConfig(),
        t.gatewayToken());
  }

  /** Label-selected deletes of this tenant's autoscaler (its name in the field selector). */
  private RequestTally autoscalerRemovals() {
    return emulator.tally("DELETE", "/horizontalpodautoscalers\\?.*" + slug);
  }

  /** Requests on this tenant's four objects by name (the autoscaler left out). */
  private RequestTally objectRequests(String method) {
    return emulator.tally(method, "/(secrets|deployments|services|ingresses)/" + slug + "(\\?|$)");
  }

  /** The results of the applies, in apply order (removals left out). */
  private static List<ApplyResult> resultsOf(List<Applied> results) {
    return results.stream().filter(a -> a.live() != null).map(Applied::result).toList();
  }

  private static List<ApplyResult> distinctResults(List<Applied> results) {
    return resultsOf(results).stream().distinct().toList();
  }

  private static List<String> kinds(List<Applied> results) {
    return results.stream().filter(a -> a.live() != null).map(a -> a.live().getKind()).toList();
  }
}
