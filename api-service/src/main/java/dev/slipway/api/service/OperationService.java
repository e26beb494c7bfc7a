package dev.slipway.api.service;

import dev.slipway.api.repository.Cursors;
import dev.slipway.api.repository.OperationRepository;
import dev.slipway.api.repository.OperationRow;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Operation look-ups. */
@ApplicationScoped
public class OperationService {
  private final OperationRepository operations;

  private final TenantService tenants;

  OperationService(OperationRepository operations, TenantService tenants) {
    this.operations = operations;
    this.tenants = tenants;
  }

  /** A tenant's operations, newest first; {@code cursor} null for the first page. */
  public Uni<Page<OperationRow>> listForTenant(String slug, String cursor, int limit) {
    List<String> before =
        cursor == null
            ? List.of("9999-12-31T23:59:59Z", new UUID(-1, -1).toString())
            : Cursors.decode(cursor, 2).orElseThrow(() -> TenantService.badCursor(cursor));
    OffsetDateTime queuedAt;
    UUID id;
    try {
      queuedAt = OffsetDateTime.parse(before.get(0));
      id = UUID.fromString(before.get(1));
    } catch (RuntimeException e) {
      throw TenantService.badCursor(cursor);
    }
    return tenants
        .get(slug)
        .flatMap(tenant -> operations.listForTenant(tenant.id(), queuedAt, id, limit + 1))
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
