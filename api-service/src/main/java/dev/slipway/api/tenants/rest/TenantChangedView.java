package dev.slipway.api.tenants.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.slipway.api.operations.OperationView;
import dev.slipway.api.tenants.TenantChanged;

/**
 * Response of a lifecycle action. {@code operation} is null when the tenant already was in the
 * asked-for state; {@code gatewayToken} is present only after a rotation (and only here).
 */
public record TenantChangedView(
    TenantView tenant,
    OperationView operation,
    @JsonInclude(JsonInclude.Include.NON_NULL) String gatewayToken) {

  /** {@code failureDetail} false: for a tenant token, without raw failure text. */
  static TenantChangedView of(TenantChanged changed, boolean failureDetail) {
    TenantView tenant = TenantView.of(changed.tenant());
    OperationView operation =
        changed.operation() == null ? null : OperationView.of(changed.operation());
    if (!failureDetail) {
      tenant = tenant.withoutFailureDetail();
      operation = operation == null ? null : operation.withoutFailureDetail();
    }
    return new TenantChangedView(tenant, operation, changed.gatewayToken());
  }

  @Override
  public String toString() {
    return "TenantChangedView[tenant=" + tenant.slug() + "]";
  }
}
