package dev.slipway.api.service;

import dev.slipway.api.repository.OperationRepository;
import dev.slipway.api.repository.OperationRow;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Operation look-ups. */
@ApplicationScoped
public class OperationService {
  private final OperationRepository operations;

  OperationService(OperationRepository operations) {
    this.operations = operations;
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
