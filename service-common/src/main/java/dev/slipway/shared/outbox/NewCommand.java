package dev.slipway.shared.outbox;

import dev.slipway.common.command.CommandCodec;
import dev.slipway.common.command.CommandEnvelope;
import dev.slipway.common.model.OperationType;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An operation to record together with its outbox command, and the one place a command envelope is
 * built for the outbox (the API and the reconciler each built it).
 *
 * @param operationId the operation's id, also the command id and SQS deduplication id
 * @param tenantId the tenant; also the SQS message group, so one tenant's commands stay in order
 * @param slug the tenant's slug, for the worker's logs and for deletes of vanished rows
 * @param type what the operation asks for
 * @param generation the desired-state generation the command is issued for
 */
public record NewCommand(
    UUID operationId, UUID tenantId, String slug, OperationType type, long generation) {

  public NewCommand {
    Objects.requireNonNull(operationId, "operationId");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(type, "type");
  }

  /** A fresh operation id for a command of {@code type}. */
  public static NewCommand of(UUID tenantId, String slug, OperationType type, long generation) {
    return new NewCommand(UUID.randomUUID(), tenantId, slug, type, generation);
  }

  /** The envelope issued at {@code issuedAt}, without trace context. */
  public CommandEnvelope envelope(Instant issuedAt) {
    return CommandEnvelope.of(operationId, type, tenantId, slug, generation, issuedAt, Map.of());
  }

  /** The outbox row's body: the envelope, issued now, as JSON. */
  public String body() {
    return CommandCodec.encode(envelope(Instant.now()));
  }

  /** The outbox row's group: the tenant. */
  public String groupId() {
    return tenantId.toString();
  }
}
