package dev.slipway.reconciler.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import dev.slipway.reconciler.Management;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: the reconciler's health and metrics are served on the management port (the kubelet's
 * probes, Prometheus), nothing under /q on the public port.
 */
@QuarkusTest
class ManagementPortQuarkusTest {

  @Test
  void healthAndMetricsAreOnTheManagementPort() {
    given()
        .get(Management.url("/q/health/ready"))
        .then()
        .statusCode(200)
        .body("checks.name", hasItem("kubernetes-api"));
    given()
        .get(Management.url("/q/metrics"))
        .then()
        .statusCode(200)
        .body(containsString("jvm_memory_used_bytes"));
  }

  @Test
  void nothingUnderQIsOnThePublicPort() {
    for (String path : List.of("/q/metrics", "/q/health", "/q/health/live", "/q/health/ready")) {
      given().get(path).then().statusCode(404);
    }
  }
}
