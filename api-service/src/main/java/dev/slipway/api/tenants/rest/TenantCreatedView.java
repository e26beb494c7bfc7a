package dev.slipway.api.tenants.rest;

import dev.slipway.api.operations.OperationView;
import dev.slipway.api.tenants.TenantCreated;

/** Response of a create: the only response that ever carries the gateway token. */
public record TenantCreatedView(TenantView tenant, OperationView operation, String gatewayToken) {

  static TenantCreatedView of(TenantCreated created) {
    return new TenantCreatedView(
        TenantView.of(created.tenant()),
        OperationView.of(created.operation()),
        created.gatewayToken());
  }

  @Override
  public String toString() {
    return "TenantCreatedView[tenant=" + tenant.slug() + "]";
  }
}
