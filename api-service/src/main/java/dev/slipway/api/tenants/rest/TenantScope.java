package dev.slipway.api.tenants.rest;

import dev.slipway.api.auth.TenantAccess;
import dev.slipway.api.http.ApiException;
import dev.slipway.api.operations.OperationRow;
import dev.slipway.api.operations.OperationView;
import dev.slipway.api.tenants.TenantRow;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A tenant the caller may not see answers 404 exactly like a missing one ({@link TenantAccess}), so
 * a token cannot probe which slugs exist.
 */
@ApplicationScoped
class TenantScope {
  private final TenantAccess access;

  TenantScope(TenantAccess access) {
    this.access = access;
  }

  TenantRow check(TenantRow tenant) {
    if (access.mayAccess(tenant.id())) {
      return tenant;
    }
    throw ApiException.notFound("tenant '" + tenant.slug() + "'");
  }

  /** Whether the caller reads failures as recorded ({@link TenantAccess#seesFailureDetail}). */
  boolean seesFailureDetail() {
    return access.seesFailureDetail();
  }

  TenantView view(TenantRow tenant) {
    TenantView view = TenantView.of(tenant);
    return seesFailureDetail() ? view : view.withoutFailureDetail();
  }

  OperationView view(OperationRow operation) {
    OperationView view = OperationView.of(operation);
    return seesFailureDetail() ? view : view.withoutFailureDetail();
  }
}
