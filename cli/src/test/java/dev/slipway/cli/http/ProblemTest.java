package dev.slipway.cli.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.cli.ExitCodes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemTest {
  final ObjectMapper json = new ObjectMapper();

  @Test
  void aValidationProblemIsOneLinePlusItsFieldErrors() {
    String body =
        "{\"type\":\"https://slipway.dev/problems/validation\",\"title\":\"Invalid request\","
            + "\"status\":422,\"detail\":\"2 fields are invalid\",\"errors\":["
            + "{\"field\":\"slug\",\"detail\":\"slug 'api' is reserved\"},"
            + "{\"field\":\"plan\",\"detail\":\"unknown plan 'huge'\"}]}";
    Problem p = Problem.parse(422, body, json);
    assertEquals(
        "Invalid request (422): 2 fields are invalid\n"
            + "  - slug: slug 'api' is reserved\n"
            + "  - plan: unknown plan 'huge'",
        p.describe());
    assertEquals(ExitCodes.INVALID, new ApiError(p).exitCode());
  }

  @Test
  void aLoneFieldErrorRepeatingTheDetailIsSaidOnce() {
    String body =
        "{\"title\":\"Invalid request\",\"status\":422,\"detail\":\"slug 'api' is reserved\","
            + "\"errors\":[{\"field\":\"slug\",\"detail\":\"slug 'api' is reserved\"}]}";
    assertEquals(
        "Invalid request (422): slug 'api' is reserved", Problem.parse(422, body, json).describe());
  }

  @Test
  void aBodyThatIsNotAProblemIsShownShortWithTheStatus() {
    Problem p = Problem.parse(502, "<html>" + "x".repeat(1000) + "</html>", json);
    assertTrue(p.describe().startsWith("HTTP 502 (502): <html>xxx"), p.describe());
    assertTrue(p.describe().length() < 340, "cut to a few hundred characters");
    assertEquals(ExitCodes.UNAVAILABLE, new ApiError(p).exitCode());
    assertEquals("HTTP 404 (404)", Problem.parse(404, "", json).describe());
  }

  @Test
  void queryParametersAreEncodedRepeatedAndAbsentOnesLeftOut() {
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("tenant", List.of("acme", "b c"));
    q.put("minAge", null);
    q.put("limit", 5);
    assertEquals("?tenant=acme&tenant=b+c&limit=5", ApiClient.query(q));
    assertEquals("", ApiClient.query(Map.of()));
  }
}
