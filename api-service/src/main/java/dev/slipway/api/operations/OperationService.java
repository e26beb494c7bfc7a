package dev.slipway.api.operations;

import dev.slipway.api.http.ApiException;
import dev.slipway.api.http.Cursors;
import dev.slipway.api.http.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Operation look-ups. */
@ApplicationScoped
public class OperationService {
  private final OperationRepository operations;

  OperationService(OperationRepository operations) {
    this.operations = operations;
  }

  /** A tenant's operations, newest first; {@code cursor} null for the first page. */
  public Uni<Page<OperationRow>> listForTenant(UUID tenantId, String cursor, int limit) {
    List<String> before =
        cursor == null
            ? List.of("9999-12-31T23:59:59Z", new UUID(-1, -1).toString())
            : Cursors.decode(cursor, 2).orElseThrow(() -> Cursors.badCursor(cursor));
    OffsetDateTime queuedAt;
    UUID id;
    try {
      queuedAt = OffsetDateTime.parse(before.get(0));
      id = UUID.fromString(before.get(1));
    } catch (RuntimeException e) {
      throw Cursors.badCursor(cursor);
    }
    return operations
        .listForTenant(tenantId, queuedAt, id, limit + 1)
        .map(
            rows ->
                Page.of(
                    rows,
                    limit,
                    last -> Cursors.encode(last.queuedAt().toString(), last.id().toString())));
  }

  public Uni<OperationRow> get(String id) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return Uni.createFrom().failure(ApiException.badRequest("operation id must be a UUID"));
    }
    return operations
        .findById(uuid)
        .map(row -> row.orElseThrow(() -> ApiException.notFound("operation " + id)));
  }
}
