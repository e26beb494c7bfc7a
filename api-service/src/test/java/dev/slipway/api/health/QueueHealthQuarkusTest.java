package dev.slipway.api.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.slipway.api.http.Management;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The command queue's check (service-common's QueueProbe) answers in its own group, not in
 * readiness; and the API, which has no Kubernetes client, carries no Kubernetes check.
 */
@QuarkusTest
class QueueHealthQuarkusTest {

  @Test
  void queueGroupReportsTheQueueWithItsCounts() {
    given()
        .get(Management.url("/q/health/group/queue"))
        .then()
        .statusCode(200)
        .body("checks.find { it.name == 'command-queue' }.status", is("UP"))
        .body(
            "checks.find { it.name == 'command-queue' }.data.approximateMessages", notNullValue());
  }

  @Test
  void readinessHoldsNeitherTheQueueNorKubernetes() {
    given()
        .get(Management.url("/q/health/ready"))
        .then()
        .body("checks.name", not(hasItem("command-queue")))
        .body("checks.name", not(hasItem("kubernetes-api")));
  }
}
