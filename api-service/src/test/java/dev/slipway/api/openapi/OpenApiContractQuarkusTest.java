package dev.slipway.api.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed contract api-service/openapi/openapi.json, from which the build generates the test
 * client, is the document the API serves. After a change of the API, copy the served document as
 * this test's message says, and review the contract's diff like code.
 */
@QuarkusTest
class OpenApiContractQuarkusTest {
  private static final Path CONTRACT = Path.of("openapi/openapi.json");
  private static final Path SERVED = Path.of("target/openapi/served.json");

  @Test
  void committedContractIsTheServedDocument() throws Exception {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    JsonNode served =
        json.readTree(
            given()
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    Files.createDirectories(SERVED.getParent());
    Files.writeString(SERVED, json.writeValueAsString(served) + "\n");

    assertEquals(
        json.readTree(CONTRACT.toFile()),
        served,
        "the API's document changed: cp api-service/" + SERVED + " api-service/" + CONTRACT);
  }
}
