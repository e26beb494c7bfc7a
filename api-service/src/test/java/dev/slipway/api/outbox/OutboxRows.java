package dev.slipway.api.outbox;

import dev.slipway.common.command.CommandCodec;
import dev.slipway.common.command.CommandEnvelope;
import dev.slipway.common.model.OperationType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Writes tenants, operations and outbox rows straight into the schema, as the API does in its
 * transactions: tests need many commands per tenant, more than the API's endpoints create.
 */
final class OutboxRows {
  private OutboxRows() {}

  static UUID insertTenant(Connection c) throws SQLException {
    UUID id = UUID.randomUUID();
    String slug = "ob-" + id.toString().substring(0, 8);
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO tenants (id, slug, desired_state, gateway_token, gateway_url)"
                + " VALUES (?, ?, 'RUNNING', 'not-a-secret', ?)")) {
      s.setObject(1, id);
      s.setString(2, slug);
      s.setString(3, "wss://" + slug + ".example.com");
      s.executeUpdate();
    }
    return id;
  }

  /**
   * Inserts an operation and its outbox row; the command's generation carries {@code sequence} so a
   * receiver can check per-tenant order. Returns the outbox id.
   */
  static long insertCommand(Connection c, UUID tenantId, long sequence) throws SQLException {
    UUID operationId = UUID.randomUUID();
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO operations (id, tenant_id, type, generation) VALUES (?, ?, 'UPDATE', ?)")) {
      s.setObject(1, operationId);
      s.setObject(2, tenantId);
      s.setLong(3, sequence);
      s.executeUpdate();
    }
    String body =
        CommandCodec.encode(
            CommandEnvelope.of(
                operationId,
                OperationType.UPDATE,
                tenantId,
                "ob-" + tenantId.toString().substring(0, 8),
                sequence,
                Instant.now(),
                Map.of()));
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO outbox (operation_id, group_id, body) VALUES (?, ?, ?) RETURNING id")) {
      s.setObject(1, operationId);
      s.setString(2, tenantId.toString());
      s.setString(3, body);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static long count(Connection c, String where) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM outbox WHERE " + where);
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
