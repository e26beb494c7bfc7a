package dev.slipway.api.plans;

import static dev.slipway.api.TestApi.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.slipway.api.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The plan catalogue comes from configuration and every role may read it. */
@QuarkusTest
class PlansQuarkusTest {

  @ParameterizedTest
  @ValueSource(strings = {"admin", "ops", "tenant"})
  void everyRoleListsTheCatalogue(String role) {
    as(TestTokens.withGroups(role))
        .get("/v1/plans")
        .then()
        .statusCode(200)
        .body("defaultPlan", equalTo("small"))
        .body("items.name", contains("large", "small", "standard"));
  }

  @Test
  void smallIsSeed000AndLargeAutoscalesOnCpu70() {
    as(TestTokens.ops())
        .get("/v1/plans/small")
        .then()
        .statusCode(200)
        .body("replicas", equalTo(1))
        .body("resources.cpuRequest", equalTo("50m"))
        .body("resources.memoryRequest", equalTo("64Mi"))
        .body("resources.cpuLimit", equalTo("250m"))
        .body("resources.memoryLimit", equalTo("256Mi"))
        .body("autoscaling", nullValue())
        .body("gateway.maxConnections", equalTo(100));
    as(TestTokens.ops())
        .get("/v1/plans/large")
        .then()
        .statusCode(200)
        .body("replicas", equalTo(2))
        .body("autoscaling.minReplicas", equalTo(2))
        .body("autoscaling.maxReplicas", equalTo(10))
        .body("autoscaling.cpuTargetPercent", equalTo(70));
  }

  @Test
  void unknownPlanIs404AndAnonymousIs401() {
    as(TestTokens.ops())
        .get("/v1/plans/gold")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    io.restassured.RestAssured.given().get("/v1/plans").then().statusCode(401);
  }
}
