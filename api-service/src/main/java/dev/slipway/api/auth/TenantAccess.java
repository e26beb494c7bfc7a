package dev.slipway.api.auth;

import dev.slipway.api.http.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Tenant scoping on top of roles: admin and ops see every tenant, a tenant token only its own.
 * Another tenant's resources answer 404 exactly like missing ones (see the tenant resources' {@code
 * TenantScope}), so a token cannot probe which slugs exist.
 */
@ApplicationScoped
public class TenantAccess {
  private final SecurityIdentity caller;

  TenantAccess(SecurityIdentity caller) {
    this.caller = caller;
  }

  /** Whether the caller may see this tenant and what belongs to it. */
  public boolean mayAccess(UUID tenantId) {
    if (caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.OPS)) {
      return true;
    }
    return caller.hasRole(Roles.TENANT) && tenantId.toString().equals(tenantClaim());
  }

  /**
   * Whether the caller reads failures as recorded (raw Kubernetes and exception text): admins and
   * ops do; a tenant token reads {@link FailureText} instead.
   */
  public boolean seesFailureDetail() {
    return caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.OPS);
  }

  private String tenantClaim() {
    if (caller.getPrincipal() instanceof JsonWebToken jwt) {
      Object claim = jwt.getClaim(Roles.TENANT_CLAIM);
      return claim == null ? null : claim.toString().replace("\"", "");
    }
    return null;
  }
}
