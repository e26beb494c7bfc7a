package dev.slipway.api.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document passes Spectral's {@code oas} ruleset with no error, no warning and
 * no hint (rules switched off only in src/test/spectral/.spectral.yaml, each with its reason).
 */
@QuarkusTest
class OpenApiLintQuarkusTest {

  @Test
  void servedDocumentHasNoFindings() throws Exception {
    assumeTrue(
        Spectral.npmAvailable(),
        "npm is not on the PATH: the Spectral lint of the OpenAPI document is skipped");
    String json =
        given()
            .queryParam("format", "json")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    Path document = Path.of("target/openapi/openapi.json");
    Files.createDirectories(document.getParent());
    Files.writeString(document, json);

    Spectral.Result result = Spectral.lint(document);

    List<String> findings = findings(result.output());
    assertEquals(
        List.of(),
        findings,
        "Spectral findings in " + document + " (exit " + result.exitCode() + ")");
    assertEquals(0, result.exitCode(), "Spectral failed:\n" + result.output());
  }

  /** One line per finding: severity, rule, JSON path and message. */
  private static List<String> findings(String output) throws Exception {
    JsonNode report;
    try {
      report = new ObjectMapper().readTree(output.substring(Math.max(0, output.indexOf('['))));
    } catch (Exception e) {
      throw new AssertionError("Spectral did not print a JSON report:\n" + output, e);
    }
    List<String> lines = new ArrayList<>();
    for (JsonNode finding : report) {
      lines.add(
          "severity %s %s at %s: %s"
              .formatted(
                  finding.path("severity").asInt(),
                  finding.path("code").asText(),
                  String.join(".", toStrings(finding.path("path"))),
                  finding.path("message").asText()));
    }
    return lines;
  }

  private static List<String> toStrings(JsonNode array) {
    List<String> parts = new ArrayList<>();
    array.forEach(p -> parts.add(p.asText()));
    return parts;
  }
}
