package dev.slipway.api.auth;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who asked for a change: the issuer and subject of the caller's JWT. Recorded with every operation
 * (migration V10) and in the audit record of every tenant write.
 *
 * @param issuer the token's {@code iss}; null when unknown (a job's requester, recorded by subject)
 * @param subject the token's {@code sub}
 */
public record Requester(String issuer, String subject) {

  /** The caller of the current request. */
  public static Requester of(SecurityIdentity caller) {
    if (caller.getPrincipal() instanceof JsonWebToken jwt) {
      return new Requester(jwt.getIssuer(), jwt.getSubject());
    }
    return new Requester(null, caller.getPrincipal().getName());
  }

  /** A requester known by subject only, such as the actor an ops job recorded. */
  public static Requester subject(String subject) {
    return new Requester(null, subject);
  }
}
