package dev.slipway.api.rest;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import dev.slipway.api.TestApi;
import dev.slipway.api.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Writes beyond a caller's burst answer 429 with Retry-After; other callers are unaffected. */
@QuarkusTest
@TestProfile(RateLimitQuarkusTest.LowLimit.class)
class RateLimitQuarkusTest {

  public static class LowLimit implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "slipway.api.rate-limit.writes-per-second", "0.5",
          "slipway.api.rate-limit.burst", "3");
    }
  }

  @Test
  void burstThenTooManyRequestsWithRetryAfter() {
    String flooder = TestTokens.withSubject("flooder", "admin");
    for (int i = 0; i < 3; i++) {
      TestApi.createTenant(flooder, TestApi.uniqueSlug("rl")).then().statusCode(202);
    }
    TestApi.createTenant(flooder, TestApi.uniqueSlug("rl"))
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        // The wait for the next token: 2 s at 0.5/s, less the time the three creates took, which
        // passes 1 s on a loaded machine (the first create of a fresh app is the slowest).
        .header("Retry-After", anyOf(equalTo("2"), equalTo("1")))
        .body("type", equalTo("https://slipway.dev/problems/rate-limited"));
    // Reads are not limited, and another caller has a bucket of its own.
    TestApi.as(flooder).get("/v1/plans").then().statusCode(200);
    String other = TestTokens.withSubject("someone-else", "admin");
    TestApi.createTenant(other, TestApi.uniqueSlug("rl")).then().statusCode(202);
  }
}
