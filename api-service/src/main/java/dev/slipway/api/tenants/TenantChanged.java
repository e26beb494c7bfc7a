package dev.slipway.api.tenants;

import dev.slipway.api.operations.OperationRow;

/**
 * Result of a lifecycle action: the tenant, the operation that carries the change (null when
 * nothing had to change) and, after a token rotation only, the new token.
 */
public record TenantChanged(TenantRow tenant, OperationRow operation, String gatewayToken) {

  public boolean changed() {
    return operation != null;
  }

  @Override
  public String toString() {
    return "TenantChanged[tenant=" + tenant.slug() + ", changed=" + changed() + "]";
  }
}
