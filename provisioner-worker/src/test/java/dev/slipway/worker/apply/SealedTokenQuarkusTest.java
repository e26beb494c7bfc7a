package dev.slipway.worker.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.model.OperationType;
import dev.slipway.common.model.TenantSpec;
import dev.slipway.local.postgres.PostgresTestResource;
import dev.slipway.shared.tokens.SealedValue;
import dev.slipway.shared.tokens.TokenCipher;
import dev.slipway.worker.TestTenants;
import dev.slipway.worker.config.WorkerConfig;
import dev.slipway.worker.repository.CommandStore;
import io.fabric8.kubernetes.api.model.Secret;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The worker renders the tenant Secret from the token the row holds: in clear on a row written
 * before issue 22, sealed once the API's token-key job has migrated it. Same token, same Secret.
 */
@QuarkusTest
class SealedTokenQuarkusTest {
  @Inject CommandStore commands;
  @Inject TenantApplier applier;
  @Inject TokenCipher cipher;

  // The admin's pool (PostgresTestResource.FIXTURES): arranges rows the service may not write.
  @Inject
  @ReactiveDataSource(PostgresTestResource.FIXTURES)
  Pool pool;

  @Inject SqsClient sqs;
  @Inject WorkerConfig config;

  @Test
  void aRowSealedByTheMigrationRendersTheSameSecretAsBefore() {
    TestTenants data = new TestTenants(pool, sqs, config.queueUrl());
    String slug = TestTenants.uniqueSlug("sealed");
    UUID tenant = data.insertTenant(slug); // the row as the API before issue 22 wrote it
    TenantSpec clear = begin(data, tenant);
    assertEquals("token-" + slug, clear.gatewayToken());
    Secret before = secret(applier.converge(clear, 0, false));

    // What the API's token-key job does to that row.
    String sealed = cipher.seal("token-" + slug);
    pool.preparedQuery("UPDATE tenants SET gateway_token = $2, token_key_id = $3 WHERE id = $1")
        .execute(Tuple.of(tenant, sealed, TokenCipher.keyIdOf(sealed)))
        .await()
        .atMost(Duration.ofSeconds(10));
    assertTrue(SealedValue.isSealed(sealed));

    TenantSpec opened = begin(data, tenant);
    assertEquals(clear.gatewayToken(), opened.gatewayToken());
    List<Applied> again = applier.converge(opened, 1, false);
    Applied secretApplied =
        again.stream().filter(a -> a.live() instanceof Secret).findFirst().orElseThrow();
    assertEquals(ApplyResult.UNCHANGED, secretApplied.result(), "the Secret is unchanged");
    Secret after = (Secret) secretApplied.live();
    assertEquals(before.getData(), after.getData());
    assertEquals(
        "token-" + slug,
        new String(
            Base64.getDecoder().decode(after.getData().values().iterator().next()),
            StandardCharsets.UTF_8));
  }

  private TenantSpec begin(TestTenants data, UUID tenant) {
    UUID op = data.insertOperation(tenant, OperationType.RECONCILE, 1);
    return commands
        .begin(op, tenant, OperationType.RECONCILE, 1)
        .orElseThrow()
        .tenant()
        .orElseThrow()
        .spec();
  }

  private static Secret secret(List<Applied> results) {
    return results.stream()
        .map(Applied::live)
        .filter(Secret.class::isInstance)
        .map(Secret.class::cast)
        .findFirst()
        .orElseThrow();
  }
}
