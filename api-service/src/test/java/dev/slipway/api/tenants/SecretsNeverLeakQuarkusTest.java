package dev.slipway.api.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.api.StoredSecrets;
import dev.slipway.api.TestApi;
import dev.slipway.api.TestTokens;
import dev.slipway.api.http.Management;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Gateway tokens appear once, in the response that created or rotated them, and nowhere else: not
 * in any log line (debug included), metrics, tenant or operation views, or listings, and not in
 * clear in any column of the database (tenants, stored idempotent responses, outbox, audit...).
 */
@QuarkusTest
@TestProfile(SecretsNeverLeakQuarkusTest.DebugLogs.class)
class SecretsNeverLeakQuarkusTest {
  @Inject Pool pool;

  public static class DebugLogs implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("quarkus.log.category.\"dev.slipway\".level", "DEBUG");
    }
  }

  @Test
  void tokensAppearOnlyInTheirOneResponse() {
    List<String> logged = new CopyOnWriteArrayList<>();
    Handler capture = new Capture(logged);
    Logger.getLogger("").addHandler(capture);
    try {
      String slug = TestApi.uniqueSlug("secret");
      String created =
          TestApi.tenantCreation(TestTokens.admin(), slug)
              .header("Idempotency-Key", UUID.randomUUID().toString())
              .post("/v1/tenants")
              .path("gatewayToken");
      String rotated =
          TestApi.as(TestTokens.admin())
              .header("Idempotency-Key", UUID.randomUUID().toString())
              .post("/v1/tenants/" + slug + "/rotate-token")
              .then()
              .statusCode(202)
              .extract()
              .path("gatewayToken");
      assertTrue(created.length() >= 32 && rotated.length() >= 32);
      String id = TestApi.as(TestTokens.admin()).get("/v1/tenants/" + slug).path("id");
      List<String> exposed =
          List.of(
              TestApi.as(TestTokens.admin()).get("/v1/tenants/" + slug).asString(),
              TestApi.as(TestTokens.admin()).get("/v1/tenants?limit=200").asString(),
              TestApi.as(TestTokens.admin()).get("/v1/tenants/" + slug + "/operations").asString(),
              TestApi.as(TestTokens.tenant(id)).get("/v1/tenants/" + slug).asString(),
              RestAssured.get(Management.url("/q/metrics")).asString(),
              String.join("\n", logged));
      for (String text : exposed) {
        assertFalse(text.contains(created), "created token leaked");
        assertFalse(text.contains(rotated), "rotated token leaked");
      }
      assertFalse(logged.isEmpty(), "the capture saw the request logs");
      assertEquals(List.of(), StoredSecrets.columnsHolding(pool, created), "created token stored");
      assertEquals(List.of(), StoredSecrets.columnsHolding(pool, rotated), "rotated token stored");
    } finally {
      Logger.getLogger("").removeHandler(capture);
    }
  }

  /** Keeps every record as it would be written: message, parameters and exception. */
  private static final class Capture extends Handler {
    private final List<String> sink;

    Capture(List<String> sink) {
      this.sink = sink;
    }

    @Override
    public void publish(LogRecord record) {
      StringBuilder text = new StringBuilder(String.valueOf(record.getMessage()));
      if (record.getParameters() != null) {
        for (Object p : record.getParameters()) {
          text.append(' ').append(p);
        }
      }
      if (record.getThrown() != null) {
        text.append(' ').append(record.getThrown());
      }
      sink.add(text.toString());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
