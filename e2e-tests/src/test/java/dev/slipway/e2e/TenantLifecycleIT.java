package dev.slipway.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end across the three packaged services, each its own process, on the embedded stack: API
 * -> PostgreSQL + outbox -> SQS FIFO -> worker -> Kubernetes emulator -> status back.
 */
class TenantLifecycleIT {
  @TempDir static Path stateDir;
  static RunningStack running;
  static Map<String, String> env;
  static KubernetesClient kube;

  @BeforeAll
  static void startStack() throws Exception {
    running = RunningStack.start(stateDir);
    env = running.env();
    kube = running.kube();
  }

  @AfterAll
  static void stopStack() {
    if (running != null) {
      running.close();
    }
  }

  @Test
  void tenantTravelsFromApiToRunningPodAndBack() {
    String slug = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    String api = env.get("SLIPWAY_API_URL");
    String token = env.get("SLIPWAY_ADMIN_TOKEN");
    given()
        .baseUri(api)
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"slug\":\"" + slug + "\"}")
        .post("/v1/tenants")
        .then()
        .statusCode(202);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                given()
                    .baseUri(api)
                    .auth()
                    .oauth2(token)
                    .get("/v1/tenants/" + slug)
                    .then()
                    .statusCode(200)
                    .body("phase", equalTo("RUNNING"))
                    .body("observedGeneration", equalTo(1))
                    .body("readyReplicas", equalTo(1)));

    String namespace = namespaceOf(slug);
    assertNotNull(kube.secrets().inNamespace(namespace).withName(slug).get());
    assertNotNull(kube.apps().deployments().inNamespace(namespace).withName(slug).get());
    assertNotNull(kube.services().inNamespace(namespace).withName(slug).get());
    assertNotNull(kube.network().v1().ingresses().inNamespace(namespace).withName(slug).get());
    var pods = kube.pods().inNamespace(namespace).withLabel("tenant", slug).list().getItems();
    assertEquals(1, pods.size());
    assertTrue(isReady(pods.get(0)), "pod of " + slug + " is Ready");

    // The reconciler (its own process) sees the tenant and its Deployment in sync.
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              String metrics =
                  given()
                      .get(env.get("SLIPWAY_RECONCILER_METRICS_URL"))
                      .then()
                      .statusCode(200)
                      .extract()
                      .asString();
              assertTrue(metrics.contains("slipway_reconciler_db_tenants"), "reconciler metrics");
              assertTrue(
                  metrics.contains("slipway_reconciler_drift{kind=\"missing\"} 0.0"),
                  "no missing deployment reported");
            });
  }

  /**
   * Namespace sharding (issue 10): the stack runs with two tenant namespaces. Tenants spread over
   * both are provisioned in their own, reconciled there (a Deployment deleted by hand comes back),
   * stopped and removed, by the three services as separate processes.
   */
  @Test
  void tenantsSpreadOverSeveralNamespacesAreProvisionedReconciledStoppedAndRemoved() {
    List<String> namespaces = List.of(env.get("SLIPWAY_TENANT_NAMESPACES").split(","));
    assertEquals(List.of("tenants", "tenants-2"), namespaces);
    Map<String, String> namespaceOf = new LinkedHashMap<>();
    for (int i = 0; i < 4; i++) {
      String slug = "shard-" + UUID.randomUUID().toString().substring(0, 8);
      namespaceOf.put(
          slug,
          admin()
              .contentType(ContentType.JSON)
              .body("{\"slug\":\"" + slug + "\"}")
              .post("/v1/tenants")
              .then()
              .statusCode(202)
              .extract()
              .path("tenant.namespace"));
    }
    // Every create goes through the API, which keeps the two level: four reach both.
    assertEquals(Set.copyOf(namespaces), Set.copyOf(namespaceOf.values()), namespaceOf.toString());
    namespaceOf.forEach(
        (slug, namespace) -> {
          awaitPhase(slug, "RUNNING");
          for (String other : namespaces) {
            boolean home = other.equals(namespace);
            assertEquals(home, deployment(other, slug) != null, slug + " in " + other);
            assertEquals(home, kube.secrets().inNamespace(other).withName(slug).get() != null);
          }
        });

    String drifted =
        namespaceOf.entrySet().stream()
            .filter(e -> e.getValue().equals("tenants-2"))
            .findFirst()
            .orElseThrow()
            .getKey();
    kube.apps().deployments().inNamespace("tenants-2").withName(drifted).delete();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              var d = deployment("tenants-2", drifted);
              return d != null
                  && d.getStatus() != null
                  && Integer.valueOf(1).equals(d.getStatus().getReadyReplicas());
            });
    admin()
        .get("/v1/tenants/" + drifted + "/operations")
        .then()
        .body("items.type", hasItem("RECONCILE"));

    namespaceOf.keySet().forEach(slug -> admin().post("/v1/tenants/" + slug + "/stop"));
    namespaceOf.forEach(
        (slug, namespace) -> {
          awaitPhase(slug, "STOPPED");
          assertEquals(0, deployment(namespace, slug).getSpec().getReplicas());
        });

    // DELETE is a soft delete: no Ingress and no pods, the Secret and Service kept, restorable.
    namespaceOf.keySet().forEach(slug -> admin().delete("/v1/tenants/" + slug));
    namespaceOf.forEach(
        (slug, namespace) ->
            await()
                .atMost(Duration.ofSeconds(60))
                .until(
                    () ->
                        kube.network().v1().ingresses().inNamespace(namespace).withName(slug).get()
                                == null
                            && kube.secrets().inNamespace(namespace).withName(slug).get() != null
                            && deployment(namespace, slug).getSpec().getReplicas() == 0));
    namespaceOf
        .keySet()
        .forEach(
            slug ->
                admin()
                    .contentType("application/json")
                    .body("{\"confirm\":\"" + slug + "\"}")
                    .post("/v1/tenants/" + slug + "/purge")
                    .then()
                    .statusCode(202));
    namespaceOf.forEach(
        (slug, namespace) -> {
          awaitPhase(slug, "DELETED");
          assertNull(deployment(namespace, slug));
          assertNull(kube.secrets().inNamespace(namespace).withName(slug).get());
          assertNull(kube.services().inNamespace(namespace).withName(slug).get());
          assertNull(kube.network().v1().ingresses().inNamespace(namespace).withName(slug).get());
        });
  }

  @Test
  void localEnvFileExportsEverythingDevelopersNeed() throws Exception {
    String file = Files.readString(stateDir.resolve("local.env"));
    for (String key :
        new String[] {
          "SLIPWAY_API_URL",
          "SLIPWAY_ADMIN_TOKEN",
          "KUBECONFIG",
          "SLIPWAY_DB_URL",
          "SLIPWAY_SQS_ENDPOINT",
          "SLIPWAY_QUEUE_URL",
          "SLIPWAY_DLQ_URL",
          "AWS_ACCESS_KEY_ID",
          "AWS_SECRET_ACCESS_KEY",
          "AWS_REGION",
          "SLIPWAY_API_METRICS_URL",
          "SLIPWAY_WORKER_METRICS_URL",
          "SLIPWAY_RECONCILER_METRICS_URL",
          "SLIPWAY_OPS_TOKEN",
          "SLIPWAY_DEV_JWT_KEY",
          "SLIPWAY_DEV_JWT_ISSUER",
          "SLIPWAY_DEV_JWT_AUDIENCE"
        }) {
      assertTrue(file.contains("export " + key + "='"), key + " in local.env");
    }
    given().get(env.get("SLIPWAY_WORKER_METRICS_URL")).then().statusCode(200);
    given().get(env.get("SLIPWAY_API_METRICS_URL")).then().statusCode(200);
  }

  /** The README's recipe: a tenant token minted with openssl reaches its own tenant only. */
  @Test
  void tenantTokenMintedWithOpensslWorks() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl not installed: skipped");
    String api = env.get("SLIPWAY_API_URL");
    String slug = "mint-" + UUID.randomUUID().toString().substring(0, 8);
    String tenantId =
        given()
            .baseUri(api)
            .auth()
            .oauth2(env.get("SLIPWAY_ADMIN_TOKEN"))
            .contentType(ContentType.JSON)
            .body("{\"slug\":\"" + slug + "\"}")
            .post("/v1/tenants")
            .then()
            .statusCode(202)
            .extract()
            .path("tenant.id");
    String token = mint("tenant", tenantId);
    given().baseUri(api).auth().oauth2(token).get("/v1/tenants/" + slug).then().statusCode(200);
    given().baseUri(api).auth().oauth2(token).get("/v1/tenants").then().statusCode(403);
    given()
        .baseUri(api)
        .auth()
        .oauth2(env.get("SLIPWAY_OPS_TOKEN"))
        .get("/v1/tenants")
        .then()
        .statusCode(200);
  }

  private static String mint(String role, String tenantId) throws Exception {
    Path root = RunningStack.repoRoot();
    ProcessBuilder builder =
        new ProcessBuilder(root.resolve("deploy/local/mint-token.sh").toString(), role, tenantId);
    builder.environment().putAll(env);
    Process process = builder.redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String token = new String(process.getInputStream().readAllBytes()).trim();
    assertEquals(0, process.waitFor(), "mint-token.sh exit code");
    return token;
  }

  private static io.restassured.specification.RequestSpecification admin() {
    return given()
        .baseUri(env.get("SLIPWAY_API_URL"))
        .auth()
        .oauth2(env.get("SLIPWAY_ADMIN_TOKEN"));
  }

  /** The namespace the API placed the tenant in, as its view shows. */
  private static String namespaceOf(String slug) {
    return admin().get("/v1/tenants/" + slug).then().statusCode(200).extract().path("namespace");
  }

  private static Deployment deployment(String namespace, String slug) {
    return kube.apps().deployments().inNamespace(namespace).withName(slug).get();
  }

  private static void awaitPhase(String slug, String phase) {
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                admin()
                    .get("/v1/tenants/" + slug)
                    .then()
                    .statusCode(200)
                    .body("phase", equalTo(phase)));
  }

  private static boolean isReady(Pod pod) {
    return pod.getStatus() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
