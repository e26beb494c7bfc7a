package dev.slipway.local.kube.auth;

import static dev.slipway.local.kube.TestObjects.NAMESPACE;
import static dev.slipway.local.kube.TestObjects.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.local.kube.KubeEmulator;
import dev.slipway.local.kube.KubeEmulatorOptions;
import dev.slipway.local.kube.TestObjects;
import io.fabric8.kubernetes.api.model.Secret;
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

  private static final String TENANT_LABEL = "slipway.dev/tenant-id";
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
  void theWorkerDeletesByLabelButNeitherReadsNorDeletesByName() throws Exception {
    String ours = uniqueName("ours");
    String theirs = uniqueName("theirs");
    String tenant = uniqueName("tenant");
    Secret own = TestObjects.secret(ours, "v");
    own.getMetadata().getLabels().put(TENANT_LABEL, tenant);
    Secret other = TestObjects.secret(theirs, "v");
    other.getMetadata().getLabels().put(TENANT_LABEL, uniqueName("other"));
    worker.resource(own).create();
    worker.resource(other).create();

    HttpResponse<String> deleted =
        send(
            Identities.WORKER, "DELETE", "/secrets?labelSelector=" + TENANT_LABEL + "%3D" + tenant);
    assertEquals(200, deleted.statusCode(), deleted.body());
    assertTrue(deleted.body().contains("\"name\":\"" + ours + "\""), deleted.body());
    assertFalse(deleted.body().contains(theirs), deleted.body());
    assertNull(emulator.client().secrets().inNamespace(NAMESPACE).withName(ours).get());
    assertNotNull(emulator.client().secrets().inNamespace(NAMESPACE).withName(theirs).get());

    for (String verb : new String[] {"GET", "DELETE"}) {
      HttpResponse<String> denied = send(Identities.WORKER, verb, "/secrets/" + theirs);
      assertEquals(403, denied.statusCode(), verb);
      assertTrue(
          denied.body().contains("cannot " + verb.toLowerCase() + " resource \\\"secrets\\\""),
          denied.body());
    }
    // The reconciler may list, not delete a collection.
    HttpResponse<String> reconciling =
        sendTo(
            Identities.RECONCILER,
            "DELETE",
            "/apis/apps/v1/namespaces/" + NAMESPACE + "/deployments?labelSelector=" + TENANT_LABEL);
    assertEquals(403, reconciling.statusCode());
    assertTrue(
        reconciling.body().contains("cannot deletecollection resource \\\"deployments\\\""),
        reconciling.body());
  }

  @Test
  void aRoleReplacedThroughTheAdminClientTakesEffectAtOnce() throws Exception {
    String name = uniqueName("replaced");
    worker.resource(TestObjects.service(name, 80)).inNamespace("tenants-2").create();
    String collection = "/api/v1/namespaces/tenants-2/services?labelSelector=x%3Dy";
    assertEquals(200, sendTo(Identities.WORKER, "DELETE", collection).statusCode());
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
    HttpResponse<String> denied = sendTo(Identities.WORKER, "DELETE", collection);
    assertEquals(403, denied.statusCode());
    assertTrue(
        denied.body().contains("cannot deletecollection resource \\\"services\\\""), denied.body());
  }

  /**
   * A request as {@code identity} to a path under the core group in {@link TestObjects#NAMESPACE}.
   */
  private static HttpResponse<String> send(String identity, String method, String path)
      throws Exception {
    return sendTo(identity, method, "/api/v1/namespaces/" + NAMESPACE + path);
  }

  private static HttpResponse<String> sendTo(String identity, String method, String path)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(emulator.url() + path))
            .header("Authorization", "Bearer " + emulator.token(identity))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
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
