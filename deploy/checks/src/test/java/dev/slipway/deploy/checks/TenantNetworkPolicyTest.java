package dev.slipway.deploy.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.render.GatewayDefaults;
import dev.slipway.deploy.checks.NetworkPolicies.Endpoint;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tenant isolation on the network (issue 22), proven on the committed rendering of the tenant
 * namespace template (deploy/k8s/rendered/tenant-namespace.yaml, written by deploy/k8s/render): the
 * allowed/denied matrix between tenants' gateways, the ingress controller, DNS, the instance
 * metadata service, the VPC and the internet.
 */
class TenantNetworkPolicyTest {
  private static final String RENDERED = "deploy/k8s/rendered/tenant-namespace.yaml";
  private static final String TENANTS = "tenants";
  private static final int GATEWAY = GatewayDefaults.GATEWAY_PORT;
  private static final Endpoint A = gateway(TENANTS, "a", "10.0.1.10");
  private static final Endpoint B = gateway(TENANTS, "b", "10.0.1.11");
  private static final Endpoint INGRESS =
      Endpoint.pod("ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"), "10.0.2.5");
  private static final Endpoint DNS =
      Endpoint.pod("kube-system", Map.of("k8s-app", "kube-dns"), "10.0.3.10");
  private static final Endpoint METADATA = Endpoint.external("169.254.169.254");
  private static final Endpoint VPC_HOST = Endpoint.external("10.0.200.15");
  private static final Endpoint PUBLIC = Endpoint.external("93.184.216.34");

  private static final NetworkPolicies POLICIES =
      new NetworkPolicies(
          Rendered.parse(Repo.read(RENDERED)),
          List.of("ingress-nginx", "kube-system", "slipway", "monitoring"));

  @Test
  void tenantsCannotReachEachOther() {
    for (int port : List.of(GATEWAY, 80, 443, 8080)) {
      assertFalse(POLICIES.allowed(A, B, "TCP", port), "A -> B on " + port);
      assertFalse(POLICIES.allowed(B, A, "TCP", port), "B -> A on " + port);
    }
    assertFalse(POLICIES.allowed(A, B, "UDP", 53), "A -> B on UDP");
  }

  @Test
  void theIngressControllerReachesGatewaysOnTheGatewayPortOnly() {
    assertTrue(POLICIES.allowed(INGRESS, A, "TCP", GATEWAY));
    assertTrue(POLICIES.allowed(INGRESS, B, "TCP", GATEWAY));
    assertFalse(POLICIES.allowed(INGRESS, A, "TCP", 8080));
    assertFalse(POLICIES.allowed(INGRESS, A, "UDP", GATEWAY));
  }

  @Test
  void gatewaysResolveNamesAndReachTheInternetOnly() {
    assertTrue(POLICIES.allowed(A, DNS, "UDP", 53));
    assertTrue(POLICIES.allowed(A, DNS, "TCP", 53));
    assertTrue(POLICIES.allowed(A, PUBLIC, "TCP", 443));
    assertFalse(POLICIES.allowed(A, METADATA, "TCP", 80), "instance metadata");
    assertFalse(POLICIES.allowed(A, VPC_HOST, "TCP", 5432), "VPC (e.g. RDS)");
    assertFalse(POLICIES.allowed(A, VPC_HOST, "TCP", 443), "VPC on any port");
    assertFalse(POLICIES.allowed(A, Endpoint.external("172.20.0.10"), "TCP", 443), "services");
    assertFalse(POLICIES.allowed(A, INGRESS, "TCP", 443), "into the cluster");
  }

  /** Pods of other namespaces, and any other pod of the tenant namespace, reach no gateway. */
  @Test
  void nothingElseReachesAGateway() {
    Endpoint worker =
        Endpoint.pod("slipway", Map.of("app.kubernetes.io/name", "provisioner-worker"), "10.0.4.2");
    Endpoint scraper = Endpoint.pod("monitoring", Map.of("app", "prometheus"), "10.0.4.3");
    Endpoint stray = Endpoint.pod(TENANTS, Map.of("run", "debug"), "10.0.1.99");
    for (Endpoint from : List.of(worker, scraper, stray, Endpoint.external("93.184.216.34"))) {
      assertFalse(POLICIES.allowed(from, A, "TCP", GATEWAY), from.toString());
    }
    assertFalse(POLICIES.allowed(stray, PUBLIC, "TCP", 443), "a stray pod has DNS only");
    assertTrue(POLICIES.allowed(stray, DNS, "UDP", 53));
  }

  /** cert-manager's HTTP-01 solver pods get the challenge from the ingress controller, only. */
  @Test
  void acmeSolversAreReachableFromTheIngressControllerOnly() {
    Endpoint solver =
        Endpoint.pod(TENANTS, Map.of("acme.cert-manager.io/http01-solver", "true"), "10.0.1.50");
    assertTrue(POLICIES.allowed(INGRESS, solver, "TCP", 8089));
    assertFalse(POLICIES.allowed(A, solver, "TCP", 8089));
    assertFalse(POLICIES.allowed(solver, A, "TCP", GATEWAY));
  }

  /** Tenants of different shards (the sharded example) are as separate as within one. */
  @Test
  void tenantsOfDifferentShardsCannotReachEachOther() {
    NetworkPolicies sharded =
        new NetworkPolicies(Rendered.overlay("sharded"), List.of("ingress-nginx", "kube-system"));
    Endpoint c = gateway("tenants-2", "c", "10.0.5.10");
    Endpoint d = gateway("tenants-3", "d", "10.0.6.10");
    for (Endpoint[] pair : new Endpoint[][] {{A, c}, {c, A}, {c, d}, {d, c}}) {
      assertFalse(sharded.allowed(pair[0], pair[1], "TCP", GATEWAY), pair[0] + " -> " + pair[1]);
    }
    assertTrue(sharded.allowed(INGRESS, c, "TCP", GATEWAY));
    assertTrue(sharded.allowed(INGRESS, d, "TCP", GATEWAY));
  }

  /** Every environment's tenant namespaces carry the same policies as the template. */
  @ParameterizedTest
  @MethodSource("dev.slipway.deploy.checks.Overlays#names")
  void everyTenantNamespaceOfEveryOverlayHasThePolicies(String overlay) {
    List<HasMetadata> objects = Rendered.overlay(overlay);
    List<String> template = policyNames(Rendered.parse(Repo.read(RENDERED)), TENANTS);
    assertEquals(5, template.size(), "the template's policies: " + template);
    for (String namespace : RbacRules.tenantNamespaces(objects)) {
      assertEquals(template, policyNames(objects, namespace), overlay + " " + namespace);
    }
  }

  private static List<String> policyNames(List<HasMetadata> objects, String namespace) {
    return Rendered.ofType(objects, NetworkPolicy.class).stream()
        .filter(p -> namespace.equals(p.getMetadata().getNamespace()))
        .map(p -> p.getMetadata().getName())
        .sorted()
        .toList();
  }

  /** A gateway pod as the renderer labels it (common's TenantLabels). */
  private static Endpoint gateway(String namespace, String slug, String ip) {
    return Endpoint.pod(
        namespace,
        Map.of(
            GatewayDefaults.LABEL_APP,
            GatewayDefaults.APP_GATEWAY,
            GatewayDefaults.LABEL_TENANT,
            slug,
            GatewayDefaults.LABEL_MANAGED_BY,
            GatewayDefaults.MANAGED_BY_SLIPWAY),
        ip);
  }
}
