package dev.slipway.api.ratelimit;

import static org.hamcrest.Matchers.equalTo;

import dev.slipway.api.TestApi;
import dev.slipway.api.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.Test;

/** Writes beyond a caller's burst answer 429 with Retry-After; other callers are unaffected. */
@QuarkusTest
@TestProfile(RateLimitQuarkusTest.LowLimit.class)
class RateLimitQuarkusTest {

  public static class LowLimit implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          // Slow enough that no token comes back while the burst runs, however loaded the machine.
          "slipway.api.rate-limit.writes-per-second", "0.01",
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
        .header("Retry-After", retryAfterWithin(1, 100))
        .body("type", equalTo("https://slipway.dev/problems/rate-limited"));
    // Reads are not limited, and another caller has a bucket of its own.
    TestApi.as(flooder).get("/v1/plans").then().statusCode(200);
    String other = TestTokens.withSubject("someone-else", "admin");
    TestApi.createTenant(other, TestApi.uniqueSlug("rl")).then().statusCode(202);
  }

  /** Whole seconds until the next token: at most 1 / rate, never 0. */
  private static Matcher<String> retryAfterWithin(int min, int max) {
    return new TypeSafeMatcher<>() {
      @Override
      protected boolean matchesSafely(String value) {
        return value.matches("[0-9]+")
            && Integer.parseInt(value) >= min
            && Integer.parseInt(value) <= max;
      }

      @Override
      public void describeTo(Description description) {
        description.appendText("whole seconds between " + min + " and " + max);
      }
    };
  }
}
