package dev.slipway.local.kube.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.local.kube.KubeEmulator;
import dev.slipway.local.kube.auth.Identities;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real kubectl with each identity's kubeconfig: {@code auth can-i} (SelfSubjectAccessReview),
 * {@code auth can-i --list} (SelfSubjectRulesReview) and a request RBAC refuses.
 */
class KubectlAuthTest {

  @TempDir static Path dir;

  private static KubeEmulator emulator;

  @BeforeAll
  static void start() {
    assumeTrue(Kubectl.available(), "no kubectl at " + Kubectl.BINARY);
    emulator = KubeEmulator.start();
  }

  @AfterAll
  static void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }

  private static Kubectl as(String identity) throws Exception {
    Path cache = Files.createDirectories(dir.resolve("cache-" + identity));
    return new Kubectl(emulator.writeKubeconfig(dir.resolve(identity), identity), cache);
  }

  @Test
  void canIAnswersPerIdentity() throws Exception {
    assertEquals("yes", canI(Identities.WORKER, "create", "deployments"));
    assertEquals("no", canI(Identities.WORKER, "list", "secrets"));
    assertEquals("yes", canI(Identities.RECONCILER, "watch", "deployments.apps"));
    assertEquals("no", canI(Identities.RECONCILER, "get", "secrets"));
    assertEquals("no", canI(Identities.API_SERVICE, "get", "deployments"));
    assertEquals("yes", canI(Identities.ADMIN, "delete", "secrets"));
    assertEquals("yes", canI(Identities.WORKER, "patch", "deployments.apps"));
  }

  private static String canI(String identity, String verb, String resource) throws Exception {
    Kubectl.Result result = as(identity).run("auth", "can-i", verb, resource, "-n", "tenants");
    return result.stdout().trim();
  }

  @Test
  void canIListShowsTheRoleOfTheIdentity() throws Exception {
    Kubectl.Result result =
        as(Identities.RECONCILER).run("auth", "can-i", "--list", "-n", "tenants");
    assertTrue(result.ok(), result::toString);
    assertTrue(result.stdout().contains("deployments.apps"), result::toString);
    assertTrue(result.stdout().contains("selfsubjectaccessreviews"), result::toString);
    // dev.yaml lets the reconciler delete orphaned Secrets, never read one.
    assertTrue(
        result
            .stdout()
            .lines()
            .filter(line -> line.startsWith("secrets "))
            .allMatch(line -> line.endsWith("[delete]")),
        result::toString);
  }

  @Test
  void theReconcilerMayNotReadSecrets() throws Exception {
    Kubectl.Result result = as(Identities.RECONCILER).run("get", "secrets", "-n", "tenants");
    assertFalse(result.ok(), result::toString);
    assertTrue(
        result
            .stderr()
            .contains(
                "secrets is forbidden: User \"system:serviceaccount:slipway:reconciler-job\""
                    + " cannot list resource \"secrets\" in API group \"\" in the namespace"
                    + " \"tenants\""),
        result::toString);
  }

  @Test
  void theSeededTenantNamespaceObjectsAreListed() throws Exception {
    Kubectl.Result result =
        as(Identities.ADMIN).run("get", "roles,rolebindings", "-n", "tenants", "-o", "name");
    assertTrue(result.ok(), result::toString);
    assertTrue(
        result.stdout().contains("role.rbac.authorization.k8s.io/slipway-provisioner-worker"),
        result::toString);
    assertTrue(
        result.stdout().contains("rolebinding.rbac.authorization.k8s.io/slipway-reconciler"),
        result::toString);
    Kubectl.Result policies =
        as(Identities.ADMIN)
            .run(
                "get", "networkpolicies,limitranges,resourcequotas", "-n", "tenants", "-o", "name");
    assertTrue(policies.ok(), policies::toString);
    for (String kind :
        new String[] {"networkpolicy.networking.k8s.io/", "limitrange/", "resourcequota/"}) {
      assertTrue(policies.stdout().contains(kind), policies::toString);
    }
  }
}
