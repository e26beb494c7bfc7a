package dev.slipway.api.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: health and metrics are served on the management port only, never on the public port the
 * ingress (ALB, API Gateway) forwards to; the public API and its OpenAPI document stay there.
 */
@QuarkusTest
class ManagementInterfaceQuarkusTest {
  @TestHTTPResource("/")
  URL publicPort;

  @TestHTTPResource(value = "/", management = true)
  URL managementPort;

  @Test
  void healthAndMetricsAreNotOnThePublicPort() {
    for (String path :
        new String[] {
          "/q/metrics", "/q/health", "/q/health/live", "/q/health/ready", "/q/health/group/queue"
        }) {
      given().get(path).then().statusCode(404);
    }
  }

  @Test
  void healthAndMetricsAreOnTheManagementPort() {
    assertNotEquals(publicPort.getPort(), managementPort.getPort());
    given().get(Management.url("/q/health/ready")).then().statusCode(200);
    given().get(Management.url("/q/health/live")).then().statusCode(200);
    given()
        .get(Management.url("/q/metrics"))
        .then()
        .statusCode(200)
        .body(containsString("http_server_requests"));
  }

  @Test
  void theApiAndItsOpenApiDocumentStayOnThePublicPort() {
    given().get("/q/openapi").then().statusCode(200).body(containsString("/v1/tenants"));
    given().get("/v1/plans").then().statusCode(401);
    given().get(Management.url("/v1/plans")).then().statusCode(404);
  }
}
