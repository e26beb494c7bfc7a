package dev.slipway.local.kube.apply;

import static dev.slipway.local.kube.TestObjects.NAMESPACE;
import static dev.slipway.local.kube.TestObjects.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.local.kube.KubeEmulator;
import dev.slipway.local.kube.KubeEmulatorOptions;
import dev.slipway.local.kube.TestObjects;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Server-side apply through the fabric8 client: create, unchanged and changed re-applies. */
class ServerSideApplyTest {

  private static KubeEmulator emulator;
  private static KubernetesClient client;

  @BeforeAll
  static void start() {
    // The controller only acts in the configured namespaces; keeping it away from "tenants" means
    // no status writes race with the resourceVersion assertions below.
    emulator =
        KubeEmulator.start(KubeEmulatorOptions.defaults().withNamespaces("not-" + NAMESPACE));
    client = emulator.client();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void secretApplyKeepsResourceVersionUntilSomethingChanges() {
    String name = uniqueName("secret");
    assertApplySemantics(TestObjects.secret(name, "v1"), s -> TestObjects.secret(name, "v2"));
  }

  @Test
  void deploymentApplyKeepsResourceVersionUntilSomethingChanges() {
    String name = uniqueName("gw");
    assertApplySemantics(
        TestObjects.deployment(name, 1, "gateway:1"),
        d -> TestObjects.deployment(name, 1, "gateway:2"));
  }

  @Test
  void serviceApplyKeepsResourceVersionUntilSomethingChanges() {
    String name = uniqueName("svc");
    assertApplySemantics(TestObjects.service(name, 80), s -> TestObjects.service(name, 8080));
  }

  @Test
  void ingressApplyKeepsResourceVersionUntilSomethingChanges() {
    String name = uniqueName("ing");
    assertApplySemantics(
        TestObjects.ingress(name, "a.example.com"),
        i -> TestObjects.ingress(name, "b.example.com"));
  }

  private static <T extends HasMetadata> void assertApplySemantics(
      T original, UnaryOperator<T> change) {
    T created = apply(original);
    String createdVersion = created.getMetadata().getResourceVersion();
    assertNotNull(createdVersion);
    assertNotNull(created.getMetadata().getUid());

    T reapplied = apply(original);
    assertEquals(
        createdVersion, reapplied.getMetadata().getResourceVersion(), "re-apply of same object");
    assertEquals(created.getMetadata().getUid(), reapplied.getMetadata().getUid());

    T changed = apply(change.apply(original));
    assertNotEquals(
        createdVersion, changed.getMetadata().getResourceVersion(), "apply of a change");
    assertEquals(created.getMetadata().getUid(), changed.getMetadata().getUid());
    T stored = client.resource(changed).get();
    assertEquals(
        changed.getMetadata().getResourceVersion(), stored.getMetadata().getResourceVersion());
  }

  private static <T extends HasMetadata> T apply(T object) {
    return client.resource(object).fieldManager("slipway").forceConflicts().serverSideApply();
  }

  /**
   * A real API server answers an apply that created the object with 201 and any other with 200; the
   * worker reports CREATED from that code without reading the object first.
   */
  @Test
  void applyAnswers201WhenItCreatesAnd200Otherwise() throws Exception {
    String name = uniqueName("codes");
    Secret secret = TestObjects.secret(name, "v1");
    assertEquals(201, rawApply(secret).statusCode(), "apply that creates");
    assertEquals(200, rawApply(secret).statusCode(), "apply that changes nothing");
    var changed = rawApply(TestObjects.secret(name, "v2"));
    assertEquals(200, changed.statusCode(), "apply that changes the object");
    assertTrue(changed.body().contains("\"name\":\"" + name + "\""), changed.body());
  }

  private static java.net.http.HttpResponse<String> rawApply(HasMetadata object) throws Exception {
    String url =
        emulator.url()
            + "/api/v1/namespaces/"
            + NAMESPACE
            + "/secrets/"
            + object.getMetadata().getName()
            + "?fieldManager=slipway&force=true";
    var request =
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
            .header("Authorization", "Bearer " + emulator.token("admin"))
            .header("Content-Type", "application/apply-patch+yaml")
            .method(
                "PATCH",
                java.net.http.HttpRequest.BodyPublishers.ofString(
                    client.getKubernetesSerialization().asJson(object)))
            .build();
    return java.net.http.HttpClient.newHttpClient()
        .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void typedDeploymentApplyWorks() {
    String name = uniqueName("typed");
    Deployment applied =
        client
            .apps()
            .deployments()
            .inNamespace(NAMESPACE)
            .resource(TestObjects.deployment(name, 2, "gateway:1"))
            .fieldManager("slipway")
            .forceConflicts()
            .serverSideApply();
    assertEquals(2, applied.getSpec().getReplicas());
    assertEquals(1L, applied.getMetadata().getGeneration());
  }

  @Test
  void secretStringDataIsStoredAsBase64Data() {
    String name = uniqueName("secret");
    apply(TestObjects.secret(name, "s3cret"));
    Secret stored = client.secrets().inNamespace(NAMESPACE).withName(name).get();
    assertTrue(stored.getStringData() == null || stored.getStringData().isEmpty());
    String decoded =
        new String(
            Base64.getDecoder().decode(stored.getData().get("api-key")), StandardCharsets.UTF_8);
    assertEquals("s3cret", decoded);
  }

  @Test
  void secretCreatedWithoutApplyAlsoFoldsStringData() {
    String name = uniqueName("secret");
    client.resource(TestObjects.secret(name, "plain")).create();
    Secret stored = client.secrets().inNamespace(NAMESPACE).withName(name).get();
    assertTrue(stored.getStringData() == null || stored.getStringData().isEmpty());
    assertEquals(
        Base64.getEncoder().encodeToString("plain".getBytes(StandardCharsets.UTF_8)),
        stored.getData().get("api-key"));
  }

  @Test
  void applyMergesLabelsAndKeepsOtherManagersLabels() {
    String name = uniqueName("svc");
    apply(TestObjects.service(name, 80));
    client
        .services()
        .inNamespace(NAMESPACE)
        .withName(name)
        .edit(
            s -> {
              s.getMetadata().getLabels().put("owner", "someone-else");
              return s;
            });
    Service reapplied = apply(TestObjects.service(name, 80));
    assertEquals("someone-else", reapplied.getMetadata().getLabels().get("owner"));
    assertEquals("slipway", reapplied.getMetadata().getLabels().get(TestObjects.MANAGED_BY));
  }

  @Test
  void generationChangesOnlyWithSpec() {
    String name = uniqueName("gen");
    Deployment created = apply(TestObjects.deployment(name, 1, "gateway:1"));
    assertEquals(1L, created.getMetadata().getGeneration());

    Deployment labelled = TestObjects.deployment(name, 1, "gateway:1");
    labelled.getMetadata().getLabels().put("tier", "gold");
    Deployment afterLabel = apply(labelled);
    assertNotEquals(
        created.getMetadata().getResourceVersion(), afterLabel.getMetadata().getResourceVersion());
    assertEquals(1L, afterLabel.getMetadata().getGeneration(), "labels are not spec");

    Deployment afterSpec = apply(TestObjects.deployment(name, 3, "gateway:1"));
    assertEquals(2L, afterSpec.getMetadata().getGeneration());

    Deployment afterEdit =
        client
            .apps()
            .deployments()
            .inNamespace(NAMESPACE)
            .withName(name)
            .edit(
                d -> {
                  d.getSpec().setReplicas(4);
                  return d;
                });
    assertEquals(3L, afterEdit.getMetadata().getGeneration(), "update path bumps too");
  }

  @Test
  void statusWritesDoNotBumpGenerationAndApplyKeepsStatus() {
    String name = uniqueName("status");
    Deployment created = apply(TestObjects.deployment(name, 0, "gateway:1"));
    Deployment withStatus = client.apps().deployments().inNamespace(NAMESPACE).withName(name).get();
    withStatus.setStatus(
        new DeploymentStatusBuilder().withObservedGeneration(1L).withReplicas(7).build());
    Deployment afterStatus =
        client.apps().deployments().inNamespace(NAMESPACE).resource(withStatus).updateStatus();
    assertEquals(created.getMetadata().getGeneration(), afterStatus.getMetadata().getGeneration());

    Deployment reapplied = apply(TestObjects.deployment(name, 0, "gateway:1"));
    assertEquals(7, reapplied.getStatus().getReplicas(), "apply leaves status alone");
    assertEquals(
        afterStatus.getMetadata().getResourceVersion(),
        reapplied.getMetadata().getResourceVersion());
  }
}
