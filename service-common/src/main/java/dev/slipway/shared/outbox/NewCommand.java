package dev.slipway.shared.outbox;

import dev.slipway.common.command.CommandCodec;
import dev.slipway.common.command.CommandEnvelope;
import dev.slipway.common.model.OperationType;
import dev.slipway.shared.tracing.TraceContext;
import java.time.Instant;
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
 * @param requestedByIssuer the issuer of the token that asked for the operation; null when unknown
 *     (an ops job's actor, recorded by subject) or when nobody asked (a reconciler repair)
 * @param requestedBySubject the subject that asked for the operation; null when nobody asked
 */
public record NewCommand(
    UUID operationId,
    UUID tenantId,
    String slug,
    OperationType type,
    long generation,
    String requestedByIssuer,
    String requestedBySubject) {

  public NewCommand {
    Objects.requireNonNull(operationId, "operationId");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(type, "type");
  }

  /**
   * A command with a fresh operation id that nobody asked for (a reconciler repair): its operation
   * records no requester (migration V10).
   */
  public static NewCommand of(UUID tenantId, String slug, OperationType type, long generation) {
    return new NewCommand(UUID.randomUUID(), tenantId, slug, type, generation, null, null);
  }

  /** This command, recorded as asked for by {@code issuer} (nullable) and {@code subject}. */
  public NewCommand requestedBy(String issuer, String subject) {
    return new NewCommand(operationId, tenantId, slug, type, generation, issuer, subject);
  }

  /**
   * The envelope issued at {@code issuedAt}, carrying the current trace context (the API request's,
   * or the reconciler repair's span): the relay sends it on and the worker continues that trace.
   * Empty when no span is current.
   */
  public CommandEnvelope envelope(Instant issuedAt) {
    return CommandEnvelope.of(
        operationId, type, tenantId, slug, generation, issuedAt, TraceContext.current());
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
