package dev.slipway.api.auth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slipway.api.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The running API verifies bearer tokens through the cache: a token is held after first use. */
@QuarkusTest
class TokenCacheQuarkusTest {
  @Inject VerifiedTokenCache cache;

  @Test
  void aClientsTokenIsVerifiedOnTheFirstRequestAndHeldForTheNext() {
    String token = TestTokens.withSubject("cache-" + UUID.randomUUID(), "admin");
    long before = cache.size();

    given().auth().oauth2(token).get("/v1/plans").then().statusCode(200);
    assertEquals(before + 1, cache.size());

    given().auth().oauth2(token).get("/v1/plans").then().statusCode(200);
    assertEquals(before + 1, cache.size());
  }

  @Test
  void aForgedTokenIsRefusedAndNotHeld() {
    String token = TestTokens.withSubject("forged-" + UUID.randomUUID(), "admin");
    String forged = token.substring(0, token.length() - 4) + "AAAA";
    long before = cache.size();

    given().auth().oauth2(forged).get("/v1/plans").then().statusCode(401);
    assertEquals(before, cache.size());
  }
}
