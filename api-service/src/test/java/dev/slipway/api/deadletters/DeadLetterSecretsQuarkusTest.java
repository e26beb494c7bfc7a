package dev.slipway.api.deadletters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.slipway.api.TestApi;
import dev.slipway.api.TestTokens;
import dev.slipway.api.config.ApiConfig;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Gateway tokens never reach the dead-letter listing (issue 9, secrets): a tenant whose create and
 * token rotation both end in the DLQ, listed by tenant, shows neither token. The command contract
 * carries no token (the worker reads it from the database), and this keeps it so.
 */
@QuarkusTest
class DeadLetterSecretsQuarkusTest {
  @Inject DataSource db;
  @Inject SqsClient sqs;
  @Inject ApiConfig config;

  @Test
  void deadLetterListingShowsNoGatewayToken() {
    String slug = TestApi.uniqueSlug("dlsecret");
    var created = TestApi.createTenant(TestTokens.admin(), slug).then().statusCode(202).extract();
    String id = created.path("tenant.id");
    String first = created.path("gatewayToken");
    String rotated = TestApi.rotateToken(TestTokens.admin(), slug);

    new OpsFixture(db, sqs, config.queueUrl()).deadLetter(Map.of(id, "apply Secret: 500"), 2);

    String listing =
        TestApi.as(TestTokens.ops())
            .get("/v1/ops/dead-letters?limit=200&tenant=" + slug)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertEquals(
        2, OpsFixture.listing("/v1/ops/dead-letters?tenant=" + slug).getList("items").size());
    assertFalse(listing.contains(first), "the created token is in the dead-letter listing");
    assertFalse(listing.contains(rotated), "the rotated token is in the dead-letter listing");
  }
}
