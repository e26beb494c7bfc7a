package dev.slipway.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drift repaired by the real processes: a hand edit in the cluster is found by the reconciler,
 * which enqueues a RECONCILE through the outbox; the relay publishes it and the worker puts the
 * tenant back as the database says. Nothing here plays any service's part.
 */
class DriftRepairIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
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
  void aDeletedDeploymentIsRecreated() {
    String slug = created("gone");
    kube.apps().deployments().inNamespace(namespaceOf(slug)).withName(slug).delete();
    await().atMost(WAIT).until(() -> readyReplicas(slug) == 1);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                api()
                    .get("/v1/tenants/" + slug + "/operations")
                    .then()
                    .body("items[0].type", equalTo("RECONCILE"))
                    .body("items[0].status", equalTo("SUCCEEDED")));
    awaitRunning(slug);
  }

  /** Another tenant: a drift back soon after a repair waits for the tenant's repair back-off. */
  @Test
  void aDeploymentScaledByHandIsScaledBack() {
    String slug = created("scaled");
    String namespace = namespaceOf(slug);
    kube.apps().deployments().inNamespace(namespace).withName(slug).scale(4);
    await()
        .atMost(WAIT)
        .until(
            () ->
                kube.apps()
                        .deployments()
                        .inNamespace(namespace)
                        .withName(slug)
                        .get()
                        .getSpec()
                        .getReplicas()
                    == 1);
    awaitRunning(slug);
    api()
        .get("/v1/tenants/" + slug + "/operations")
        .then()
        .body("items.type", hasItem("RECONCILE"));
  }

  private static String created(String prefix) {
    String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    api()
        .contentType(ContentType.JSON)
        .body("{\"slug\":\"" + slug + "\"}")
        .post("/v1/tenants")
        .then()
        .statusCode(202);
    awaitRunning(slug);
    return slug;
  }

  private static void awaitRunning(String slug) {
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                api()
                    .get("/v1/tenants/" + slug)
                    .then()
                    .statusCode(200)
                    .body("phase", equalTo("RUNNING"))
                    .body("readyReplicas", equalTo(1)));
  }

  private static int readyReplicas(String slug) {
    var d = kube.apps().deployments().inNamespace(namespaceOf(slug)).withName(slug).get();
    return d == null || d.getStatus() == null || d.getStatus().getReadyReplicas() == null
        ? 0
        : d.getStatus().getReadyReplicas();
  }

  /** The namespace the API placed the tenant in (the stack has two). */
  private static String namespaceOf(String slug) {
    return api().get("/v1/tenants/" + slug).then().statusCode(200).extract().path("namespace");
  }

  private static RequestSpecification api() {
    return given()
        .baseUri(env.get("SLIPWAY_API_URL"))
        .auth()
        .oauth2(env.get("SLIPWAY_ADMIN_TOKEN"));
  }
}
