package dev.slipway.api.idempotency;

import dev.slipway.api.http.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Whose stored responses a request may replay: the token's issuer, subject and tenant claim. Not
 * the principal's name, which smallrye-jwt takes from {@code upn} or {@code preferred_username}
 * when present: display names two callers can share, which would let one replay the other's
 * response (a create's carries a gateway token).
 */
final class ReplayScope {
  private ReplayScope() {}

  static String of(SecurityIdentity caller) {
    if (caller.getPrincipal() instanceof JsonWebToken jwt) {
      Object tenant = jwt.getClaim(Roles.TENANT_CLAIM);
      return "iss="
          + jwt.getIssuer()
          + " sub="
          + jwt.getSubject()
          + " tenant="
          + (tenant == null ? "" : tenant.toString().replace("\"", ""));
    }
    // Not a JWT (no such caller today): its name is all there is.
    return "name=" + caller.getPrincipal().getName();
  }
}
