package dev.slipway.common.command;

import dev.slipway.common.model.OperationType;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The message the API puts on the command queue and the worker consumes. It carries identity and
 * ordering only: the worker always loads the tenant's current desired state from the database, so a
 * late or duplicate command can never roll a tenant back.
 *
 * @param version schema version of this envelope ({@link #CURRENT_VERSION})
 * @param commandId the operation id; also the SQS deduplication id
 * @param type what the operation asks for
 * @param tenantId the tenant (the SQS message group)
 * @param slug the tenant's slug, for logs and for deletes of tenants whose row is gone
 * @param generation the desired-state generation this command was issued for
 * @param issuedAt when the API committed the command
 * @param trace W3C trace context (traceparent, tracestate), possibly empty
 */
public record CommandEnvelope(
    int version,
    UUID commandId,
    OperationType type,
    UUID tenantId,
    String slug,
    long generation,
    Instant issuedAt,
    Map<String, String> trace) {

  public static final int CURRENT_VERSION = 1;

  public CommandEnvelope {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(issuedAt, "issuedAt");
    trace = trace == null ? Map.of() : Map.copyOf(trace);
  }

  /** A command of the current version. */
  public static CommandEnvelope of(
      UUID commandId,
      OperationType type,
      UUID tenantId,
      String slug,
      long generation,
      Instant issuedAt,
      Map<String, String> trace) {
    return new CommandEnvelope(
        CURRENT_VERSION, commandId, type, tenantId, slug, generation, issuedAt, trace);
  }
}
