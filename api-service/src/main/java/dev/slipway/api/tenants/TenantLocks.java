package dev.slipway.api.tenants;

import dev.slipway.api.http.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * The first step of every change to an existing tenant: lock its row for the transaction, then vet
 * the locked row, not an earlier read, for the caller and the If-Match precondition. Locking first
 * also orders the outbox rows of concurrent changes to one tenant.
 */
@ApplicationScoped
public class TenantLocks {
  private final TenantRepository tenants;

  TenantLocks(TenantRepository tenants) {
    this.tenants = tenants;
  }

  /**
   * The locked row. {@code visible} throws (typically a 404) for a tenant the caller may not see; a
   * generation other than {@code ifMatch} is a 412.
   */
  public Uni<TenantRow> lock(
      SqlClient tx, String slug, OptionalLong ifMatch, UnaryOperator<TenantRow> visible) {
    return tenants
        .findBySlugForUpdate(tx, slug)
        .map(row -> visible.apply(row.orElseThrow(() -> TenantService.unknown(slug))))
        .invoke(row -> checkPrecondition(row, ifMatch));
  }

  private static void checkPrecondition(TenantRow row, OptionalLong ifMatch) {
    if (ifMatch.isPresent() && ifMatch.getAsLong() != row.generation()) {
      throw new ApiException(
          412,
          "precondition-failed",
          "Precondition failed",
          "If-Match generation "
              + ifMatch.getAsLong()
              + " does not match the tenant's current generation "
              + row.generation());
    }
  }
}
