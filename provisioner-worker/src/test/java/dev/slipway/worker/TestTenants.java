package dev.slipway.worker;

import dev.slipway.common.command.CommandCodec;
import dev.slipway.common.command.CommandEnvelope;
import dev.slipway.common.model.OperationType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Writes what the api-service would (tenant, operation) straight into the real database and sends
 * the command to the real queue, so worker tests do not need the API.
 */
public final class TestTenants {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private final Pool pool;
  private final SqsClient sqs;
  private final String queueUrl;

  public TestTenants(Pool pool, SqsClient sqs, String queueUrl) {
    this.pool = pool;
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  public static String uniqueSlug(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A tenant in the default namespace: the row as an API from before sharding inserted it. */
  public UUID insertTenant(String slug) {
    UUID id = UUID.randomUUID();
    run(
        "INSERT INTO tenants (id, slug, desired_state, replicas, gateway_token, gateway_url)"
            + " VALUES ($1, $2, 'RUNNING', 1, $3, $4)",
        Tuple.of(id, slug, "token-" + slug, "wss://" + slug + ".example.com"));
    return id;
  }

  /** A tenant the API placed in {@code namespace}. */
  public UUID insertTenant(String slug, String namespace) {
    UUID id = UUID.randomUUID();
    run(
        "INSERT INTO tenants (id, slug, desired_state, replicas, gateway_token, gateway_url,"
            + " namespace) VALUES ($1, $2, 'RUNNING', 1, $3, $4, $5)",
        Tuple.of(id, slug, "token-" + slug, "wss://" + slug + ".example.com", namespace));
    return id;
  }

  /**
   * Moves the tenant to other settings the way a PATCH does (sizing, image, gateway config as the
   * JSON the API stores), bumping the generation; returns the new generation.
   */
  public long setSettings(
      UUID tenantId, String sizingJson, String imageVersion, String gatewayConfigJson) {
    return pool.preparedQuery(
            "UPDATE tenants SET sizing = $2::text::jsonb, plan = ($2::text::jsonb)->>'plan',"
                + " image_version = $3, gateway_config = $4::text::jsonb,"
                + " generation = generation + 1 WHERE id = $1 RETURNING generation")
        .execute(Tuple.of(tenantId, sizingJson, imageVersion, gatewayConfigJson))
        .await()
        .atMost(TIMEOUT)
        .iterator()
        .next()
        .getLong(0);
  }

  /** The tenant's conditions as stored (JSON text). */
  public String conditions(UUID tenantId) {
    return value("SELECT conditions::text FROM tenants WHERE id = $1", tenantId);
  }

  /** Changes desired state the way the API does: bump the generation, return it. */
  public long setDesiredState(UUID tenantId, String desiredState) {
    return pool.preparedQuery(
            "UPDATE tenants SET desired_state = $2, generation = generation + 1 WHERE id = $1"
                + " RETURNING generation")
        .execute(Tuple.of(tenantId, desiredState))
        .await()
        .atMost(TIMEOUT)
        .iterator()
        .next()
        .getLong(0);
  }

  /** What a soft delete or a suspension records (migration V11): OFFLINE, returning to RUNNING. */
  public long setOffline(UUID tenantId) {
    return pool.preparedQuery(
            "UPDATE tenants SET desired_state = 'OFFLINE', resume_state = 'RUNNING',"
                + " generation = generation + 1 WHERE id = $1 RETURNING generation")
        .execute(Tuple.of(tenantId))
        .await()
        .atMost(TIMEOUT)
        .iterator()
        .next()
        .getLong(0);
  }

  public UUID insertOperation(UUID tenantId, OperationType type, long generation) {
    UUID id = UUID.randomUUID();
    run(
        "INSERT INTO operations (id, tenant_id, type, generation) VALUES ($1, $2, $3, $4)",
        Tuple.of(id, tenantId, type.name(), generation));
    return id;
  }

  public CommandEnvelope command(
      UUID operationId, OperationType type, UUID tenantId, String slug, long generation) {
    return CommandEnvelope.of(
        operationId, type, tenantId, slug, generation, Instant.now(), Map.of());
  }

  /** Sends as the outbox relay does; {@code dedupId} lets a test force a second delivery. */
  public void send(CommandEnvelope command, String dedupId) {
    sendRaw(command.tenantId().toString(), CommandCodec.encode(command), dedupId);
  }

  public void sendRaw(String groupId, String body, String dedupId) {
    sendRaw(groupId, body, dedupId, Map.of());
  }

  /** A message with these String message attributes (the sender's trace context, say). */
  public void sendRaw(String groupId, String body, String dedupId, Map<String, String> attributes) {
    Map<String, MessageAttributeValue> values = new HashMap<>();
    attributes.forEach(
        (k, v) ->
            values.put(
                k, MessageAttributeValue.builder().dataType("String").stringValue(v).build()));
    sqs.sendMessage(
        b ->
            b.queueUrl(queueUrl)
                .messageGroupId(groupId)
                .messageDeduplicationId(dedupId)
                .messageAttributes(values)
                .messageBody(body));
  }

  public String operationStatus(UUID operationId) {
    return value("SELECT status FROM operations WHERE id = $1", operationId);
  }

  public String phase(UUID tenantId) {
    return value("SELECT phase FROM tenants WHERE id = $1", tenantId);
  }

  public int attempts(UUID operationId) {
    return Integer.parseInt(
        value("SELECT attempts::text FROM operations WHERE id = $1", operationId));
  }

  public String lastError(UUID operationId) {
    return value("SELECT coalesce(last_error, '') FROM operations WHERE id = $1", operationId);
  }

  /** When the operation was first begun and when it finished; null while not. */
  public Instant[] timings(UUID operationId) {
    var row =
        pool.preparedQuery("SELECT started_at, finished_at FROM operations WHERE id = $1")
            .execute(Tuple.of(operationId))
            .await()
            .atMost(TIMEOUT)
            .iterator()
            .next();
    return new Instant[] {instant(row.getOffsetDateTime(0)), instant(row.getOffsetDateTime(1))};
  }

  private static Instant instant(java.time.OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  public void reopen(UUID operationId) {
    run("UPDATE operations SET status = 'QUEUED' WHERE id = $1", Tuple.of(operationId));
  }

  /** A column expression of the tenant's row, as text (e.g. {@code observed_generation::text}). */
  public String tenantValue(String expression, UUID tenantId) {
    return value("SELECT " + expression + " FROM tenants WHERE id = $1", tenantId);
  }

  /** A statement the helpers above do not cover, run to completion. */
  public void execute(String sql, Tuple args) {
    run(sql, args);
  }

  private String value(String sql, UUID id) {
    return pool.preparedQuery(sql)
        .execute(Tuple.of(id))
        .await()
        .atMost(TIMEOUT)
        .iterator()
        .next()
        .getString(0);
  }

  private void run(String sql, Tuple args) {
    pool.preparedQuery(sql).execute(args).await().atMost(TIMEOUT);
  }
}
