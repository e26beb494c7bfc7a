package dev.slipway.api.tenants;

import dev.slipway.api.operations.OperationRow;

/** Result of a create: the tenant, its first operation, and the token (shown this once only). */
public record TenantCreated(TenantRow tenant, OperationRow operation, String gatewayToken) {

  @Override
  public String toString() {
    return "TenantCreated[tenant=" + tenant.slug() + ", operation=" + operation.id() + "]";
  }
}
