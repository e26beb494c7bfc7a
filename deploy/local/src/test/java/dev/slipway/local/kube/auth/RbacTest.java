package dev.slipway.local.kube.auth;

import static dev.slipway.local.kube.TestObjects.NAMESPACE;
import static dev.slipway.local.kube.TestObjects.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.local.kube.KubeEmulator;
import dev.slipway.local.kube.KubeEmulatorOptions;
import dev.slipway.local.kube.TestObjects;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Authentication and RBAC with the Roles shipped in deploy/k8s/rendered. */
class RbacTest {

  private static final String WORKER_USER = "system:serviceaccount:slipway:provisioner-worker";

  private static KubeEmulator emulator;
  private static KubernetesClient worker;
  private static KubernetesClient reconciler;

  @BeforeAll
  static void start() {
    emulator =
        KubeEmulator.start(KubeEmulatorOptions.defaults().withNamespaces(NAMESPACE, "tenants-2"));
    worker = client(Identities.WORKER);
    reconciler = client(Identities.RECONCILER);
  }

  private static KubernetesClient client(String identity) {
    return new KubernetesClientBuilder().withConfig(emulator.clientConfig(identity)).build();
  }

  @AfterAll
  static void stop() {
    worker.close();
    reconciler.close();
    emulator.close();
  }

  @Test
  void noOrAnUnknownTokenIs401WithKubesStatusBody() throws Exception {
    for (String header : new String[] {null, "Bearer not-a-token", "Basic YTpi"}) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(emulator.url() + "/api/v1/namespaces/tenants/pods"));
      if (header != null) {
        request.header("Authorization", header);
      }
      HttpResponse<String> response =
          HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(401, response.statusCode(), String.valueOf(header));
      assertEquals(
          "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
              + "\"message\":\"Unauthorized\",\"reason\":\"Unauthorized\",\"code\":401}",
          response.body());
    }
  }

  @Test
  void theWorkerWritesWhatItsRoleGrantsAndNothingElse() {
    String name = uniqueName("rbac");
    worker.resource(TestObjects.secret(name, "v")).create();
    KubernetesClientException listing =
        assertThrows(
            KubernetesClientException.class, () -> worker.secrets().inNamespace(NAMESPACE).list());
    assertEquals(403, listing.getCode());
    assertEquals(
        "secrets is forbidden: User \""
            + WORKER_USER
            + "\" cannot list resource \"secrets\" in API group \"\" in the namespace \"tenants\"",
        listing.getStatus().getMessage());
    assertEquals("Forbidden", listing.getStatus().getReason());
    KubernetesClientException pods =
        assertThrows(
            KubernetesClientException.class,
            () -> worker.pods().inNamespace(NAMESPACE).withName("x").get());
    assertEquals(403, pods.getCode());
    assertTrue(
        pods.getStatus().getMessage().startsWith("pods \"x\" is forbidden: User \"" + WORKER_USER),
        pods.getStatus().getMessage());
    // Not bound in a namespace the emulator does not serve, nor cluster-wide.
    assertEquals(
        403,
        assertThrows(
                KubernetesClientException.class,
                () -> worker.namespaces().withName(NAMESPACE).get())
            .getCode());
  }

  @Test
  void theReconcilerReadsDeploymentsButNoSecrets() {
    assertNotNull(reconciler.apps().deployments().inNamespace(NAMESPACE).list());
    KubernetesClientException denied =
        assertThrows(
            KubernetesClientException.class,
            () -> reconciler.secrets().inNamespace(NAMESPACE).withName("any").get());
    assertEquals(403, denied.getCode());
  }

  @Test
  void aRoleReplacedThroughTheAdminClientTakesEffectAtOnce() {
    String name = uniqueName("replaced");
    worker.resource(TestObjects.service(name, 80)).inNamespace("tenants-2").create();
    Role role =
        emulator
            .client()
            .rbac()
            .roles()
            .inNamespace("tenants-2")
            .withName("slipway-provisioner-worker")
            .get();
    List<PolicyRule> rules = new ArrayList<>(role.getRules());
    rules.removeIf(rule -> rule.getResources().contains("services"));
    role.setRules(rules);
    emulator.client().resource(role).update();
    KubernetesClientException denied =
        assertThrows(
            KubernetesClientException.class,
            () -> worker.services().inNamespace("tenants-2").withName(name).delete());
    assertEquals(403, denied.getCode());
    assertTrue(
        denied.getStatus().getMessage().contains("cannot delete resource \"services\""),
        denied.getStatus().getMessage());
  }

  /** What a service of the local stack does: fabric8 from its kubeconfig, over HTTPS. */
  @Test
  void aServiceKubeconfigReachesTheEmulatorOverTls(@TempDir Path dir) throws Exception {
    Path file = emulator.writeKubeconfig(dir.resolve("kubeconfig-worker"), Identities.WORKER);
    Config config = Config.fromKubeconfig(Files.readString(file));
    assertTrue(config.getMasterUrl().startsWith("https://"), config.getMasterUrl());
    try (KubernetesClient fromFile = new KubernetesClientBuilder().withConfig(config).build()) {
      assertNotNull(fromFile.apps().deployments().inNamespace(NAMESPACE).list());
      assertEquals(
          403,
          assertThrows(
                  KubernetesClientException.class,
                  () -> fromFile.secrets().inNamespace(NAMESPACE).list())
              .getCode());
    }
  }

  @Test
  void everyAuthenticatedUserMayReadDiscovery() {
    assertTrue(reconciler.getApiGroups().getGroups().size() >= 3);
    assertNotNull(worker.getKubernetesVersion());
  }
}
