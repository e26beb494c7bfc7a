package dev.slipway.deploy.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The RBAC policy check itself: it passes a good Role and catches each kind of bad one. */
class RbacRulesTest {
  private static final String GOOD_ROLE =
      """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: ok, namespace: tenants}
      rules:
        - apiGroups: ["apps"]
          resources: ["deployments"]
          verbs: ["get", "list", "watch"]
      """;

  @Test
  void aLeastPrivilegeRoleAndBindingPass() {
    String binding =
        """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: ok, namespace: tenants}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: ok}
        subjects: [{kind: ServiceAccount, name: provisioner-worker, namespace: slipway}]
        """;
    assertEquals(List.of(), RbacRules.violations(parse(GOOD_ROLE + "---\n" + binding)));
  }

  @Test
  void wildcardVerbIsCaught() {
    assertCaught(GOOD_ROLE.replace("\"get\", \"list\", \"watch\"", "\"*\""), "wildcard in verbs");
  }

  @Test
  void wildcardResourceAndGroupAreCaught() {
    assertCaught(GOOD_ROLE.replace("\"deployments\"", "\"*\""), "wildcard in resources");
    assertCaught(GOOD_ROLE.replace("\"apps\"", "\"*\""), "wildcard in apiGroups");
  }

  @Test
  void clusterRoleAndClusterRoleBindingAreCaught() {
    assertCaught(
        GOOD_ROLE.replace("kind: Role", "kind: ClusterRole").replace(", namespace: tenants", ""),
        "cluster-scoped");
    assertCaught(
        """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: bad}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        subjects: [{kind: ServiceAccount, name: reconciler-job, namespace: slipway}]
        """,
        "cluster-scoped");
  }

  @Test
  void roleOutsideTheTenantsNamespaceIsCaught() {
    assertCaught(GOOD_ROLE.replace("namespace: tenants", "namespace: kube-system"), "tenants");
  }

  /** Namespace sharding: a Role in any declared tenant namespace passes, elsewhere not. */
  @Test
  void rolesMayLiveInEveryDeclaredTenantNamespaceOnly() {
    String shard =
        """
        apiVersion: v1
        kind: Namespace
        metadata: {name: tenants-2, labels: {app.kubernetes.io/managed-by: slipway}}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: other}
        ---
        """;
    String inShard = GOOD_ROLE.replace("namespace: tenants", "namespace: tenants-2");
    assertEquals(List.of(), RbacRules.violations(parse(shard + inShard)));
    assertEquals(java.util.Set.of("tenants-2"), RbacRules.tenantNamespaces(parse(shard + inShard)));
    assertCaught(shard + GOOD_ROLE, "tenant namespace [tenants-2]");
    assertCaught(shard + GOOD_ROLE.replace("namespace: tenants", "namespace: other"), "tenants-2");
  }

  @Test
  void privilegeVerbsAndNonResourceUrlsAreCaught() {
    assertCaught(GOOD_ROLE.replace("\"watch\"", "\"escalate\""), "verb escalate");
    String bulkDelete = GOOD_ROLE.replace("\"watch\"", "\"deletecollection\"");
    assertCaught(bulkDelete, "deletecollection is allowed only to slipway-provisioner-worker");
    String worker = bulkDelete.replace("name: ok", "name: " + RbacRules.WORKER_ROLE);
    assertEquals(List.of(), RbacRules.violations(parse(worker)), "the worker, on its kinds");
    assertCaught(
        worker.replace("[\"deployments\"]", "[\"pods\"]"),
        "deletecollection is allowed only to slipway-provisioner-worker");
    assertCaught(
        GOOD_ROLE + "  - nonResourceURLs: [\"/version\"]\n    verbs: [\"get\"]\n",
        "nonResourceURLs");
  }

  @Test
  void bindingToAClusterRoleOrForTheApiIsCaught() {
    String binding =
        """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: bad, namespace: tenants}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
        subjects: [{kind: ServiceAccount, name: api-service, namespace: slipway}]
        """;
    assertCaught(binding, "only Roles allowed");
    assertCaught(binding, "api-service gets no Kubernetes rights");
  }

  private static void assertCaught(String yaml, String expected) {
    List<String> problems = RbacRules.violations(parse(yaml));
    assertTrue(
        problems.stream().anyMatch(p -> p.contains(expected)),
        "expected a violation containing '" + expected + "', got " + problems);
  }

  private static List<HasMetadata> parse(String yaml) {
    return Rendered.parse(yaml);
  }
}
