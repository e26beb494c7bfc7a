package dev.slipway.api.rest;

import dev.slipway.api.repository.TenantRow;
import dev.slipway.api.service.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Tenant scoping on top of roles: admin and ops see every tenant, a tenant token only its own.
 * Another tenant's resources answer 404 exactly like missing ones, so a token cannot probe which
 * slugs exist.
 */
@ApplicationScoped
class TenantAccess {
  private final SecurityIdentity caller;

  TenantAccess(SecurityIdentity caller) {
    this.caller = caller;
  }

  TenantRow check(TenantRow tenant) {
    if (mayAccess(tenant.id())) {
      return tenant;
    }
    throw ApiException.notFound("tenant '" + tenant.slug() + "'");
  }

  boolean mayAccess(UUID tenantId) {
    if (caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.OPS)) {
      return true;
    }
    return caller.hasRole(Roles.TENANT) && tenantId.toString().equals(tenantClaim());
  }

  private String tenantClaim() {
    if (caller.getPrincipal() instanceof JsonWebToken jwt) {
      Object claim = jwt.getClaim(Roles.TENANT_CLAIM);
      return claim == null ? null : claim.toString().replace("\"", "");
    }
    return null;
  }
}
