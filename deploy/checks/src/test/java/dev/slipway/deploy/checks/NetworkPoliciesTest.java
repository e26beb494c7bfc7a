package dev.slipway.deploy.checks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.deploy.checks.NetworkPolicies.Endpoint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The evaluator behind TenantNetworkPolicyTest, on small policies with known answers. */
class NetworkPoliciesTest {
  private static final Endpoint WEB = Endpoint.pod("ns", Map.of("app", "web"), "10.1.0.1");
  private static final Endpoint DB = Endpoint.pod("ns", Map.of("app", "db"), "10.1.0.2");
  private static final Endpoint OTHER = Endpoint.pod("other", Map.of("app", "web"), "10.2.0.1");
  private static final Endpoint PUBLIC = Endpoint.external("8.8.8.8");

  private static NetworkPolicies of(String yaml) {
    return new NetworkPolicies(Rendered.parse(yaml), List.of("ns", "other"));
  }

  private static String policy(String name, String spec) {
    return """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: %s
          namespace: ns
        spec:
        %s
        ---
        """
        .formatted(name, spec.indent(2));
  }

  @Test
  void withoutPoliciesEverythingFlows() {
    NetworkPolicies none = of("");
    assertTrue(none.allowed(WEB, DB, "TCP", 5432));
    assertTrue(none.allowed(WEB, PUBLIC, "UDP", 53));
  }

  @Test
  void anIngressPolicyIsolatesIngressOnlyAndAbsentTypesMeanIngress() {
    NetworkPolicies p = of(policy("deny-in", "podSelector: {}"));
    assertFalse(p.allowed(WEB, DB, "TCP", 5432));
    assertTrue(p.allowed(WEB, PUBLIC, "TCP", 443), "egress not isolated");
    assertTrue(p.allowed(OTHER, PUBLIC, "TCP", 443));
  }

  @Test
  void bothSidesMustAllow() {
    String in =
        policy(
            "db-in",
            """
            podSelector: {matchLabels: {app: db}}
            ingress:
              - from: [{podSelector: {matchLabels: {app: web}}}]
                ports: [{port: 5432}]
            """);
    String out =
        policy("deny-out", "podSelector: {}\npolicyTypes: [Egress]\negress:\n  - to: []\n");
    assertTrue(of(in).allowed(WEB, DB, "TCP", 5432));
    assertFalse(of(in).allowed(WEB, DB, "UDP", 5432), "protocol defaults to TCP");
    assertFalse(of(in).allowed(OTHER, DB, "TCP", 5432), "podSelector alone: own namespace");
    assertTrue(of(out).allowed(WEB, DB, "TCP", 5432), "an empty to allows all");
    String noEgress = policy("deny-out", "podSelector: {}\npolicyTypes: [Egress]\n");
    assertFalse(of(in + noEgress).allowed(WEB, DB, "TCP", 5432), "source isolated for egress");
  }

  @Test
  void namespaceAndPodSelectorsInOnePeerAreAnded() {
    String anded =
        policy(
            "in",
            """
            podSelector: {}
            ingress:
              - from:
                  - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: other}}
                    podSelector: {matchLabels: {app: db}}
            """);
    String ored = anded.replace("    podSelector: {matchLabels: {app: db}}", "  - podSelector: {}");
    assertFalse(of(anded).allowed(OTHER, DB, "TCP", 80));
    assertTrue(of(ored).allowed(OTHER, DB, "TCP", 80));
    assertTrue(of(ored).allowed(WEB, DB, "TCP", 80));
  }

  @Test
  void ipBlocksHonourExceptAndPortRanges() {
    NetworkPolicies p =
        of(
            policy(
                "out",
                """
                podSelector: {}
                policyTypes: [Egress]
                egress:
                  - to: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}}]
                    ports: [{protocol: TCP, port: 8000, endPort: 8080}]
                """));
    assertTrue(p.allowed(WEB, PUBLIC, "TCP", 8080));
    assertFalse(p.allowed(WEB, PUBLIC, "TCP", 8081));
    assertFalse(p.allowed(WEB, DB, "TCP", 8000), "a pod address in the except");
    assertFalse(p.allowed(WEB, Endpoint.external("2001:db8::1"), "TCP", 8000), "IPv6");
  }

  @Test
  void cidrsOfBothFamilies() {
    assertTrue(Cidrs.contains("169.254.169.254/32", "169.254.169.254"));
    assertFalse(Cidrs.contains("169.254.169.254/32", "169.254.169.253"));
    assertTrue(Cidrs.contains("fd00:ec2::254/128", "fd00:ec2:0::254"));
    assertTrue(Cidrs.contains("172.16.0.0/12", "172.31.255.255"));
    assertFalse(Cidrs.contains("172.16.0.0/12", "172.32.0.0"));
    assertThrows(AssertionError.class, () -> Cidrs.contains("10.0.0.0/8", "example.com"));
  }
}
