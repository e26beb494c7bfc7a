package dev.slipway.worker.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.model.DesiredState;
import dev.slipway.common.model.TenantSpec;
import dev.slipway.local.kube.KubeEmulator;
import dev.slipway.local.kube.KubeEmulatorTestResource;
import dev.slipway.local.kube.RequestTally;
import dev.slipway.worker.TestTenants;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The apply results and the requests behind them: a tenant never applied is applied without reading
 * its objects first (CREATED from the API server's 201), one applied before is read first.
 */
@QuarkusTest
class TenantApplierQuarkusTest {
  private static final List<String> FOUR = List.of("Secret", "Deployment", "Service", "Ingress");
  @Inject TenantApplier applier;
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
        RequestTally patches = objectRequests("PATCH")) {
      List<Applied> results = applier.converge(tenant, true);
      assertEquals(List.of(ApplyResult.CREATED), distinctResults(results));
      assertEquals(FOUR, kinds(results));
      assertEquals(0, gets.count(), "no read before the applies");
      assertEquals(4, patches.count());
      results.stream()
          .filter(a -> a.live() != null)
          .forEach(a -> assertEquals(slug, a.live().getMetadata().getName()));
    }
  }

  @Test
  void reappliesArePatchedWithoutAReadAndExactWithOne() {
    applier.converge(tenant, true);
    try (RequestTally gets = objectRequests("GET")) {
      // Redelivered before the apply was recorded: still "never applied", the objects are there.
      assertEquals(List.of(ApplyResult.PATCHED), distinctResults(applier.converge(tenant, true)));
      assertEquals(0, gets.count());

      // Recorded applied: each object read first, so the result is exact.
      assertEquals(
          List.of(ApplyResult.UNCHANGED), distinctResults(applier.converge(tenant, false)));
      assertEquals(4, gets.count());
    }
    TenantSpec scaled =
        new TenantSpec(tenant.id(), slug, 1, DesiredState.RUNNING, 2, tenant.gatewayToken());
    List<Applied> results = applier.converge(scaled, false);
    assertEquals(
        List.of(
            ApplyResult.UNCHANGED,
            ApplyResult.PATCHED,
            ApplyResult.UNCHANGED,
            ApplyResult.UNCHANGED),
        resultsOf(results));
  }

  @Test
  void errorsOfTheApplyKeepTheirCodeAndStatus() {
    emulator.faults().failNext("PATCH", "/secrets/" + slug, 422, 1);
    KubernetesClientException rejected =
        assertThrows(KubernetesClientException.class, () -> applier.converge(tenant, true));
    assertEquals(422, rejected.getCode());
    assertEquals(422, rejected.getStatus().getCode());
    assertTrue(rejected.getStatus().getMessage().contains("injected fault"), rejected.getMessage());

    emulator.faults().failNext("PATCH", "/deployments/" + slug, 409, 1);
    KubernetesClientException conflict =
        assertThrows(KubernetesClientException.class, () -> applier.converge(tenant, true));
    assertEquals(409, conflict.getCode());
    assertEquals("Conflict", conflict.getStatus().getReason());
  }

  /** Requests on this tenant's four objects (not the autoscaler, whose check stays a GET). */
  private RequestTally objectRequests(String method) {
    return emulator.tally(method, "/(secrets|deployments|services|ingresses)/" + slug + "(\\?|$)");
  }

  /** The results of the applies, in apply order (the autoscaler's absence check left out). */
  private static List<ApplyResult> resultsOf(List<Applied> results) {
    return results.stream().map(Applied::result).filter(r -> r != ApplyResult.ABSENT).toList();
  }

  private static List<ApplyResult> distinctResults(List<Applied> results) {
    return resultsOf(results).stream().distinct().toList();
  }

  private static List<String> kinds(List<Applied> results) {
    return results.stream()
        .filter(a -> a.result() != ApplyResult.ABSENT)
        .map(a -> a.live().getKind())
        .toList();
  }
}
