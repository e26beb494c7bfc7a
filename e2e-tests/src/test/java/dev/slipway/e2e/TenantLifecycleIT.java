package dev.slipway.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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

    assertNotNull(kube.secrets().inNamespace("tenants").withName(slug).get());
    assertNotNull(kube.apps().deployments().inNamespace("tenants").withName(slug).get());
    assertNotNull(kube.services().inNamespace("tenants").withName(slug).get());
    assertNotNull(kube.network().v1().ingresses().inNamespace("tenants").withName(slug).get());
    var pods = kube.pods().inNamespace("tenants").withLabel("tenant", slug).list().getItems();
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

  private static boolean isReady(Pod pod) {
    return pod.getStatus() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
