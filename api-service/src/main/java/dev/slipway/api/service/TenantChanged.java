package dev.slipway.api.service;

import dev.slipway.api.repository.OperationRow;
import dev.slipway.api.repository.TenantRow;

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
